package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTests {

    @Test
    void acceptsLineLimitUpToTheBodyLimit() {
        IngestProperties limits =
                new IngestProperties(DataSize.ofMegabytes(8), DataSize.ofMegabytes(8), 100, Duration.ofSeconds(30));

        assertThat(limits.bodyLimit().bytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(limits.lineLimit().bytes()).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void rejectsEmptyBodyLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new IngestProperties(DataSize.ofBytes(0), DataSize.ofBytes(0), 100, Duration.ofSeconds(30)))
                .withMessageContaining("max-body-bytes");
    }

    @Test
    void rejectsBodyLimitBeyondWhatAnArrayHolds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IngestProperties(
                        DataSize.ofGigabytes(2), DataSize.ofKilobytes(64), 100, Duration.ofSeconds(30)))
                .withMessageContaining("max-body-bytes");
    }

    @Test
    void rejectsLineLimitAboveTheBodyLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IngestProperties(
                        DataSize.ofKilobytes(64), DataSize.ofKilobytes(65), 100, Duration.ofSeconds(30)))
                .withMessageContaining("max-line-bytes");
    }

    @Test
    void rejectsNoErrorsListedAndNoTimeToUpload() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IngestProperties(
                        DataSize.ofMegabytes(8), DataSize.ofKilobytes(64), 0, Duration.ofSeconds(30)))
                .withMessageContaining("max-errors");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new IngestProperties(DataSize.ofMegabytes(8), DataSize.ofKilobytes(64), 100, Duration.ZERO))
                .withMessageContaining("upload-deadline");
    }
}
