package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CommitPropertiesTests {

    @Test
    void rejectsNoRoomForWaitingRequests() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitProperties(0, Duration.ofSeconds(1), 100))
                .withMessageContaining("max-waiting");
    }

    @Test
    void rejectsZeroWait() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitProperties(1, Duration.ZERO, 100))
                .withMessageContaining("max-wait");
    }

    @Test
    void rejectsCommitsOfNoEvents() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommitProperties(1, Duration.ofSeconds(1), 0))
                .withMessageContaining("max-events");
    }
}
