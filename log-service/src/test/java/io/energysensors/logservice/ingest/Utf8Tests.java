package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.energysensors.logservice.ingest.Utf8.InvalidUtf8Exception;
import org.junit.jupiter.api.Test;

class Utf8Tests {

    @Test
    void decodesAsciiAndMultiByteTextWithinTheRange() {
        for (String text : new String[] {"Device: ID=1; Dummy: 20", "Device: ID=1; Name=Küche 漢 😀", "", "\u007f"}) {
            byte[] bytes = ("<<" + text + ">>").getBytes(StandardCharsets.UTF_8);

            assertThat(Utf8.decode(bytes, 2, bytes.length - 2)).isEqualTo(text);
        }
    }

    @Test
    void rejectsInvalidBytesWithTheirLineAndColumn() {
        byte[] bytes = "ab\ncdé\u0000".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xff;

        assertThatThrownBy(() -> Utf8.decode(bytes, 0, bytes.length))
                .isInstanceOfSatisfying(InvalidUtf8Exception.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(4);
                })
                .hasMessageContaining("byte 0xFF at offset 7");
    }
}
