package io.energysensors.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

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
                .hasMessage("line 2, column 3 (byte 5): invalid UTF-8 byte sequence");
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
}
