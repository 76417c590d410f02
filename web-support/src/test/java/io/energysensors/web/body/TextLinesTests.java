package io.energysensors.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class TextLinesTests {

    @Test
    void numbersLinesAsTheyStandAndSkipsBlankOnes() {
        byte[] body = "a: 1\r\n\n  \nb: 2\nc: 3".getBytes(StandardCharsets.UTF_8);

        List<NumberedLine> lines = TextLines.nonBlankLines(body, StandardCharsets.UTF_8);

        assertThat(lines)
                .containsExactly(new NumberedLine(1, "a: 1"), new NumberedLine(4, "b: 2"), new NumberedLine(5, "c: 3"));
    }

    @Test
    void aFinalLineBreakAddsNoLine() {
        assertThat(TextLines.nonBlankLines("a: 1\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .containsExactly(new NumberedLine(1, "a: 1"));
    }

    @Test
    void anEmptyBodyHasNoLines() {
        assertThat(TextLines.nonBlankLines(new byte[0], StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void reportsTheFirstInvalidByteWithLineColumnAndOffset() {
        // "ok\nab" then 0xFF: the bad byte is at offset 5, on line 2 after two characters.
        byte[] body = {'o', 'k', '\n', 'a', 'b', (byte) 0xFF, 'c'};

        assertThatThrownBy(() -> TextLines.nonBlankLines(body, StandardCharsets.UTF_8))
                .isInstanceOf(MalformedTextException.class)
                .hasMessage("line 2, column 3 (byte 5): invalid UTF-8 byte sequence starting with 0xFF");
    }

    @Test
    void rejectsATruncatedMultiByteSequenceAtTheEnd() {
        byte[] body = {'a', (byte) 0xE2, (byte) 0x82};

        assertThatThrownBy(() -> TextLines.nonBlankLines(body, StandardCharsets.UTF_8))
                .isInstanceOf(MalformedTextException.class)
                .hasMessageStartingWith("line 1, column 2 (byte 1)");
    }

    @Test
    void decodesOtherCharsets() {
        byte[] latin1 = "caf\u00e9: 1".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(TextLines.nonBlankLines(latin1, StandardCharsets.ISO_8859_1))
                .containsExactly(new NumberedLine(1, "caf\u00e9: 1"));
    }

    @Test
    void decodesLinesOutsideAsciiAndSkipsThoseOfUnicodeWhitespace() {
        byte[] body = "K\u00fcche: 1\n\u3000\u2003\n\u000b\f\nb: 2 \ud83d\ude00".getBytes(StandardCharsets.UTF_8);

        assertThat(TextLines.nonBlankLines(body, StandardCharsets.UTF_8))
                .containsExactly(new NumberedLine(1, "K\u00fcche: 1"), new NumberedLine(4, "b: 2 \ud83d\ude00"));
    }

    @Test
    void splitsUtf16TextAtItsLineBreaks() {
        // In UTF-16 the byte 0x0A is also half of other characters, such as U+0A0A.
        byte[] body = "a: \u0a0a\r\n\r\nb: 2\n".getBytes(StandardCharsets.UTF_16);

        assertThat(TextLines.nonBlankLines(body, StandardCharsets.UTF_16))
                .containsExactly(new NumberedLine(1, "a: \u0a0a"), new NumberedLine(3, "b: 2"));
    }

    @Test
    void acceptsALineExactlyAtTheLimitWithoutItsLineBreak() {
        ByteLimit fourBytes = new ByteLimit(4, "test.max-line");
        byte[] body = "a: 1\r\nb: 2\n".getBytes(StandardCharsets.UTF_8);

        assertThat(TextLines.nonBlankLines(body, StandardCharsets.UTF_8, fourBytes))
                .containsExactly(new NumberedLine(1, "a: 1"), new NumberedLine(2, "b: 2"));
    }

    @Test
    void refusesTheFirstLineOverTheLimitNamingItAndTheSetting() {
        ByteLimit fourBytes = new ByteLimit(4, "test.max-line");
        byte[] body = "a: 1\n\nab: 12\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TextLines.nonBlankLines(body, StandardCharsets.UTF_8, fourBytes))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.properties()).containsExactlyInAnyOrderEntriesOf(Map.of("line", 3, "max_bytes", 4L));
                })
                .hasMessage("line 3 is longer than the limit of 4 bytes (test.max-line)");
    }

    @Test
    void measuresLinesInTheBytesOfTheirCharset() {
        ByteLimit eightBytes = new ByteLimit(8, "test.max-line");
        byte[] fourChars = "a: 1".getBytes(StandardCharsets.UTF_16);
        byte[] fiveChars = "a: 12".getBytes(StandardCharsets.UTF_16);
        byte[] fiveTwoByteChars = "\u00e9\u00e9\u00e9\u00e9\u00e9".getBytes(StandardCharsets.UTF_8);

        assertThat(TextLines.nonBlankLines(fourChars, StandardCharsets.UTF_16, eightBytes))
                .containsExactly(new NumberedLine(1, "a: 1"));
        assertThatThrownBy(() -> TextLines.nonBlankLines(fiveChars, StandardCharsets.UTF_16, eightBytes))
                .isInstanceOf(BodyTooLargeException.class);
        assertThatThrownBy(() -> TextLines.nonBlankLines(fiveTwoByteChars, StandardCharsets.UTF_8, eightBytes))
                .isInstanceOf(BodyTooLargeException.class);
    }
}
