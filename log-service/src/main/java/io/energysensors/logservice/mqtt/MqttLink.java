package io.energysensors.logservice.mqtt;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the MQTT door is connected and subscribed, for /actuator/health ({@code mqtt}): DOWN
 * with the reason while it is not. It is in neither the liveness nor the readiness group: a
 * broker that is away stops one door, not the service, which keeps taking POST /log/store.
 */
final class MqttLink implements HealthIndicator {

    private record State(boolean up, String detail, Instant since) {}

    private final String broker;
    private final AtomicReference<State> state;

    MqttLink(String broker) {
        this.broker = broker;
        this.state = new AtomicReference<>(new State(false, "not connected yet", Instant.now()));
    }

    void up(String detail) {
        state.set(new State(true, detail, Instant.now()));
    }

    void down(String reason) {
        state.set(new State(false, reason, Instant.now()));
    }

    boolean isUp() {
        return state.get().up();
    }

    @Override
    public Health health() {
        State current = state.get();
        Health.Builder health = current.up() ? Health.up() : Health.down();
        return health.withDetail("broker", broker)
                .withDetail(current.up() ? "subscribed" : "reason", current.detail())
                .withDetail("since", current.since().toString())
                .build();
    }
}
