package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CommitPropertiesTests {

    @Test
    void rejectsNoRoomForWaitingRequests() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitProperties(0, Duration.ofSeconds(1), 100, DataSize.ofMegabytes(16)))
                .withMessageContaining("max-waiting");
    }

    @Test
    void rejectsZeroWait() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitProperties(1, Duration.ZERO, 100, DataSize.ofMegabytes(16)))
                .withMessageContaining("max-wait");
    }

    @Test
    void rejectsCommitsOfNoEvents() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitProperties(1, Duration.ofSeconds(1), 0, DataSize.ofMegabytes(16)))
                .withMessageContaining("max-events");
    }

    @Test
    void boundsAGroupsBytesByAtMostAGigabyte() {
        assertThat(new CommitProperties(1, Duration.ofSeconds(1), 100, DataSize.ofGigabytes(1)).maxBytes())
                .isEqualTo(DataSize.ofGigabytes(1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitProperties(
                        1,
                        Duration.ofSeconds(1),
                        100,
                        DataSize.ofBytes(DataSize.ofGigabytes(1).toBytes() + 1)))
                .withMessageContaining("max-bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitProperties(1, Duration.ofSeconds(1), 100, DataSize.ofBytes(0)))
                .withMessageContaining("max-bytes");
    }
}
