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

    /** @param broker null when the door is off: the link is then UNKNOWN, which leaves overall health as it is */
    MqttLink(String broker) {
        this.broker = broker;
        String detail = broker == null ? "off: energy-sensors.mqtt.url is not set" : "not connected yet";
        this.state = new AtomicReference<>(new State(false, detail, Instant.now()));
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
        if (broker == null) {
            return Health.unknown().withDetail("reason", current.detail()).build();
        }
        Health.Builder health = current.up() ? Health.up() : Health.down();
        return health.withDetail("broker", broker)
                .withDetail(current.up() ? "subscribed" : "reason", current.detail())
                .withDetail("since", current.since().toString())
                .build();
    }
}
