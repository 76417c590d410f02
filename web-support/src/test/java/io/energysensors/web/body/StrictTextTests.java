package io.energysensors.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Moved from log-service's {@code Utf8Tests}, which tested the copy this decoder replaced. */
class StrictTextTests {

    @Test
    void decodesAsciiAndMultiByteTextWithinTheRange() {
        for (String text : new String[] {"Device: ID=1; Dummy: 20", "Device: ID=1; Name=Küche 漢 😀", "", "\u007f"}) {
            byte[] bytes = ("<<" + text + ">>").getBytes(StandardCharsets.UTF_8);

            assertThat(StrictText.decode(bytes, 2, bytes.length - 2, StandardCharsets.UTF_8, 1))
                    .isEqualTo(text);
        }
    }

    @Test
    void rejectsInvalidBytesWithTheirLineColumnAndOffset() {
        // "ab\ncdé" then 0xFF: the bad byte is at offset 7, the fourth character of line 2.
        byte[] bytes = "ab\ncdé\u0000".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xff;

        assertThatThrownBy(() -> StrictText.decode(bytes, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(MalformedTextException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.properties())
                            .containsExactlyInAnyOrderEntriesOf(Map.of("line", 2, "column", 4, "byte_offset", 7L));
                })
                .hasMessage("line 2, column 4 (byte 7): invalid UTF-8 byte sequence starting with 0xFF");
    }

    @Test
    void countsColumnsInCodePointsAsTheLineParserDoes() {
        byte[] bytes = "😀x\u0000".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xC0;

        assertThatThrownBy(() -> StrictText.decode(bytes, StandardCharsets.UTF_8))
                .hasMessage("line 1, column 3 (byte 5): invalid UTF-8 byte sequence starting with 0xC0");
    }

    @Test
    void decodesLatin1AndUtf16AsTheirCharsetsSay() {
        assertThat(StrictText.decode("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))
                .isEqualTo("caf\u00e9");
        assertThat(StrictText.decode("caf\u00e9 漢".getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16))
                .isEqualTo("caf\u00e9 漢");
    }

    @Test
    void refusesBytesOutsideAscii() {
        byte[] bytes = {'o', 'k', (byte) 0xE9};

        assertThatThrownBy(() -> StrictText.decode(bytes, StandardCharsets.US_ASCII))
                .hasMessage("line 1, column 3 (byte 2): invalid US-ASCII byte sequence starting with 0xE9");
    }
}
