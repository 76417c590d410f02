package io.energysensors.logservice.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.web.body.RequestBodies;
import io.energysensors.web.problem.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The one way in for events, whichever door they come through (POST /log/store, MQTT, Kafka):
 * a payload is validated whole (all of it or nothing), stored by a {@link GroupCommit} together
 * with its {@link DeliveryKey}, and answered only once committed, so a door acknowledges nothing
 * that a crash could lose. Doors differ only in how they get the bytes and how they answer.
 */
@Component
public class IngestPipeline {

    private final EventBatchReader reader;
    private final GroupCommit store;
    private final IngestProperties limits;
    private final IngestRejections rejections;
    private final Counter storedEvents;
    private final DistributionSummary batchSizes;
    private final Timer storeTimer;
    private final MeterRegistry meters;

    IngestPipeline(
            EventBatchReader reader,
            GroupCommit store,
            IngestProperties limits,
            IngestRejections rejections,
            MeterRegistry meters) {
        this.reader = reader;
        this.store = store;
        this.limits = limits;
        this.rejections = rejections;
        this.meters = meters;
        this.storedEvents = Counter.builder("energy_sensors.ingest.stored")
                .description("Events stored (acknowledged)")
                .register(meters);
        this.batchSizes = DistributionSummary.builder("energy_sensors.ingest.batch.size")
                .description("Events per stored request")
                .register(meters);
        this.storeTimer = Timer.builder("energy_sensors.ingest.store")
                .description("Time to store a validated batch, commit included")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Validates and stores the delivery, or recognises it as a repeat of one stored before.
     *
     * @return once committed
     * @throws BatchRejectedException some line is invalid: nothing was stored
     * @throws ApiProblem the payload is no batch of events or too large (4xx), or its key was
     *     first used with another content (422): nothing was stored
     * @throws RuntimeException the store could not take it (see {@link GroupCommit#commitBatch}):
     *     nothing was stored
     */
    public Stored ingest(Delivery delivery) {
        return ingest(delivery, events -> {});
    }

    /**
     * {@link #ingest(Delivery)}, with a check of the valid events before they are stored, for a
     * door that knows its sender (the HTTP door's token may be bound to one device).
     *
     * @param admission throws to refuse the batch: nothing is stored
     */
    public Stored ingest(Delivery delivery, Consumer<List<SensorEvent>> admission) {
        List<SensorEvent> events = read(delivery);
        admission.accept(events);
        return counted(delivery, storeTimer.record(() -> store.commitBatch(events, delivery.key())));
    }

    private Stored counted(Delivery delivery, Stored stored) {
        if (stored.repeat()) {
            Counter.builder("energy_sensors.ingest.repeats")
                    .tag("door", delivery.key().door())
                    .description("Deliveries recognised as repeats by their key: answered, nothing stored")
                    .register(meters)
                    .increment();
        } else {
            storedEvents.increment(stored.events());
            batchSizes.record(stored.events());
        }
        return stored;
    }

    /**
     * {@link #ingest}, for doors that cannot answer a problem: a payload refused for what it is
     * becomes a {@link IngestOutcome.Rejected} to acknowledge and not retry.
     *
     * @throws RuntimeException the store could not take it: do not acknowledge, deliver it again
     */
    public IngestOutcome offer(Delivery delivery) {
        try {
            return ingest(delivery);
        } catch (BatchRejectedException e) {
            return new IngestOutcome.Rejected(e.summary());
        } catch (ConcurrentDeliveryException e) {
            throw e;
        } catch (ApiProblem e) {
            if (e.status().is4xxClientError()) {
                return new IngestOutcome.Rejected(e.getMessage());
            }
            throw e;
        }
    }

    /**
     * {@link #offer} for many deliveries at once (the records of one Kafka poll): each is
     * validated on its own, and the valid ones are stored together, in one commit where
     * {@code energy-sensors.ingest.commit.max-events} allows, each with its own key and outcome.
     *
     * @return per delivery, in order, its outcome
     * @throws RuntimeException the store could not take some of them: acknowledge none, deliver
     *     them all again (those stored are then repeats)
     */
    public List<IngestOutcome> offerAll(List<Delivery> deliveries) {
        IngestOutcome[] outcomes = new IngestOutcome[deliveries.size()];
        List<Integer> valid = new ArrayList<>(deliveries.size());
        List<GroupCommit.Batch> batches = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            try {
                batches.add(new GroupCommit.Batch(
                        read(deliveries.get(i)), deliveries.get(i).key()));
                valid.add(i);
            } catch (BatchRejectedException e) {
                outcomes[i] = new IngestOutcome.Rejected(e.summary());
            } catch (ApiProblem e) {
                outcomes[i] = rejectedOrThrown(e);
            }
        }
        List<CompletableFuture<Stored>> committed =
                batches.isEmpty() ? List.of() : storeTimer.record(() -> store.commitBatches(batches));
        for (int j = 0; j < valid.size(); j++) {
            int i = valid.get(j);
            try {
                outcomes[i] = counted(deliveries.get(i), GroupCommit.outcome(committed.get(j)));
            } catch (ConcurrentDeliveryException e) {
                throw e;
            } catch (ApiProblem e) {
                outcomes[i] = rejectedOrThrown(e);
            }
        }
        return List.of(outcomes);
    }

    private static IngestOutcome.Rejected rejectedOrThrown(ApiProblem e) {
        if (e.status().is4xxClientError()) {
            return new IngestOutcome.Rejected(e.getMessage());
        }
        throw e;
    }

    private List<SensorEvent> read(Delivery delivery) {
        try {
            if (delivery.body().length > limits.maxBodyBytes().toBytes()) {
                throw new ApiProblem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "the payload is larger than the limit of "
                                + limits.maxBodyBytes().toBytes() + " bytes (energy-sensors.ingest.max-body-bytes)",
                        Map.of("max_bytes", limits.maxBodyBytes().toBytes()));
            }
            if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(delivery.type())) {
                return reader.readJson(delivery.body());
            }
            return reader.readText(delivery.body(), RequestBodies.charsetOf(delivery.type()), limits.lineLimit());
        } catch (BatchRejectedException e) {
            rejections.add(IngestRejections.INVALID_LINE, e.badLines());
            throw e;
        } catch (ApiProblem e) {
            rejections.add(IngestRejections.reasonFor(e.status()), 1);
            throw e;
        }
    }
}
