package io.energysensors.web.body;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/** Splits a body into lines at {@code \n}; a {@code \r} before it belongs to the line break. */
public final class TextLines {

    private TextLines() {}

    /**
     * The body's non-blank lines in order, numbered as they stand in the body.
     *
     * @throws MalformedTextException at the first byte that is not valid in {@code charset}
     */
    public static List<NumberedLine> nonBlankLines(byte[] body, Charset charset) {
        String text = decodeStrictly(body, charset);
        List<NumberedLine> lines = new ArrayList<>();
        int number = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(start, contentEnd);
            if (!line.isBlank()) {
                lines.add(new NumberedLine(number, line));
            }
            number++;
            start = end + 1;
        }
        return lines;
    }

    private static String decodeStrictly(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        // Sized for the worst case, so the only results left are underflow (done) and an error.
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw malformedAt(out.flip(), in.position(), charset);
        }
        return out.flip().toString();
    }

    private static MalformedTextException malformedAt(CharBuffer decoded, int byteOffset, Charset charset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.limit(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new MalformedTextException(charset.name(), line, decoded.limit() - lineStart + 1, byteOffset);
    }
}
