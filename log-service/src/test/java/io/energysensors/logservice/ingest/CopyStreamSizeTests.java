package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import org.junit.jupiter.api.Test;

/**
 * Sizes of a COPY stream and of a commit group near and beyond what an int holds, computed
 * without allocating them: one event with lists at their limit, repeated by a list that only
 * pretends to hold it many times.
 */
class CopyStreamSizeTests {

    private static final int LIST_LIMIT = 1000;

    @Test
    void countsAStreamBeyondTwoGigabytesWithoutOverflowAndRefusesToEncodeIt() {
        SensorEvent event = withLists(LIST_LIMIT);
        long perEvent =
                PostgresCopyEventWriter.streamBytes(List.of(event)) - PostgresCopyEventWriter.streamBytes(List.of());
        int count = (int) (Integer.MAX_VALUE / perEvent) + 1;
        List<SensorEvent> events = repeated(event, count);

        long size = PostgresCopyEventWriter.streamBytes(events);

        assertThat(size)
                .isGreaterThan(Integer.MAX_VALUE)
                .isEqualTo(PostgresCopyEventWriter.streamBytes(List.of()) + count * perEvent);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PostgresCopyEventWriter.encode(events, new long[0], Instant.EPOCH))
                .withMessageContaining("more than one buffer holds");
    }

    @Test
    void encodesAStreamOfExactlyItsComputedSize() {
        List<SensorEvent> events = repeated(withLists(LIST_LIMIT), 50);
        long[] ids = new long[50];

        assertThat(PostgresCopyEventWriter.encode(events, ids, Instant.EPOCH).capacity())
                .isEqualTo(PostgresCopyEventWriter.streamBytes(events));
    }

    @Test
    void weighsAnEventByItsNumbersListsIncluded() {
        assertThat(GroupCommit.bytesOf(withLists(0))).isEqualTo(20 * 8);
        assertThat(GroupCommit.bytesOf(withLists(LIST_LIMIT))).isEqualTo((20 + 3 * LIST_LIMIT) * 8);
    }

    private static SensorEvent withLists(int length) {
        SensorEvent sample = StoredEvents.expected(Samples.lines().get(0));
        double[] list = new double[length];
        return new SensorEvent(
                sample.deviceId(),
                sample.firmware(),
                sample.eventCode(),
                sample.measuredAt(),
                sample.coilReversed(),
                sample.activePowerW(),
                sample.reactivePowerVar(),
                sample.apparentPowerVa(),
                sample.lineCurrentA(),
                sample.lineVoltageV(),
                sample.linePhaseRad(),
                sample.frequencyHz(),
                list,
                list,
                list,
                sample.wifiStrengthDbm(),
                sample.dummy());
    }

    private static List<SensorEvent> repeated(SensorEvent event, int count) {
        return new AbstractList<>() {
            @Override
            public SensorEvent get(int index) {
                return event;
            }

            @Override
            public int size() {
                return count;
            }
        };
    }
}
