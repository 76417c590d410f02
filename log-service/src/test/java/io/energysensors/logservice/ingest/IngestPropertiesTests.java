package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTests {

    @Test
    void acceptsLineLimitUpToTheBodyLimit() {
        IngestProperties limits = new IngestProperties(DataSize.ofMegabytes(8), DataSize.ofMegabytes(8));

        assertThat(limits.bodyLimit().bytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(limits.lineLimit().bytes()).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void rejectsEmptyBodyLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IngestProperties(DataSize.ofBytes(0), DataSize.ofBytes(0)))
                .withMessageContaining("max-body-bytes");
    }

    @Test
    void rejectsBodyLimitBeyondWhatAnArrayHolds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IngestProperties(DataSize.ofGigabytes(2), DataSize.ofKilobytes(64)))
                .withMessageContaining("max-body-bytes");
    }

    @Test
    void rejectsLineLimitAboveTheBodyLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IngestProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(65)))
                .withMessageContaining("max-line-bytes");
    }
}
