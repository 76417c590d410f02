package io.energysensors.web.body;

import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a body into lines at {@code \n}; a {@code \r} before it belongs to the line break. A line
 * of nothing but whitespace ({@link String#isBlank()}) is blank.
 */
public final class TextLines {

    private static final ByteLimit NO_LINE_LIMIT = new ByteLimit(Long.MAX_VALUE, "none");

    private TextLines() {}

    /**
     * The body's non-blank lines in order, numbered as they stand in the body.
     *
     * @throws MalformedTextException at the first byte that is not valid in {@code charset}
     */
    public static List<NumberedLine> nonBlankLines(byte[] body, Charset charset) {
        return nonBlankLines(body, charset, NO_LINE_LIMIT);
    }

    /**
     * The body's non-blank lines in order, numbered as they stand in the body, none of them longer
     * than {@code maxLine} bytes (line break excluded).
     *
     * @throws MalformedTextException at the first byte that is not valid in {@code charset}
     * @throws BodyTooLargeException at the first line over {@code maxLine}
     */
    public static List<NumberedLine> nonBlankLines(byte[] body, Charset charset, ByteLimit maxLine) {
        List<NumberedLine> lines = new ArrayList<>();
        forEachNonBlankLine(body, charset, maxLine, lines::add);
        return lines;
    }

    /**
     * Hands each non-blank line to {@code action} as it is split off, so that a body of millions
     * of lines is never held as a list of them.
     *
     * @return how many non-blank lines the body has
     * @throws MalformedTextException at the first byte that is not valid in {@code charset}
     */
    public static int forEachNonBlankLine(byte[] body, Charset charset, Consumer<NumberedLine> action) {
        return forEachNonBlankLine(body, charset, NO_LINE_LIMIT, action);
    }

    /**
     * Hands each non-blank line to {@code action} as it is split off, none of them longer than
     * {@code maxLine} bytes (line break excluded).
     *
     * @return how many non-blank lines the body has
     * @throws MalformedTextException at the first byte that is not valid in {@code charset}
     * @throws BodyTooLargeException at the first line over {@code maxLine}
     */
    public static int forEachNonBlankLine(
            byte[] body, Charset charset, ByteLimit maxLine, Consumer<NumberedLine> action) {
        return StrictText.ASCII_COMPATIBLE.contains(charset)
                ? splitBytes(body, charset, maxLine, action)
                : splitDecoded(body, charset, maxLine, action);
    }

    /**
     * One pass over the bytes finds each line's end, whether it is blank and whether it is ASCII;
     * only a line with other bytes goes through a decoder. A {@code \n} byte is always a line
     * break in these charsets, never part of a longer sequence.
     */
    private static int splitBytes(byte[] body, Charset charset, ByteLimit maxLine, Consumer<NumberedLine> action) {
        int nonBlank = 0;
        int number = 0;
        for (int start = 0; start < body.length; ) {
            number++;
            int i = start;
            while (i < body.length && body[i] != '\n' && isAsciiWhitespace(body[i])) {
                i++;
            }
            boolean blank = i == body.length || body[i] == '\n';
            int signs = 0;
            while (i < body.length && body[i] != '\n') {
                signs |= body[i];
                i++;
            }
            int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
            if (end - start > maxLine.bytes()) {
                throw BodyTooLargeException.line(number, maxLine);
            }
            if (!blank) {
                if (signs >= 0) {
                    nonBlank++;
                    action.accept(new NumberedLine(number, StrictText.ascii(body, start, end)));
                } else {
                    String text = StrictText.decode(body, start, end, charset, number);
                    if (!text.isBlank()) {
                        nonBlank++;
                        action.accept(new NumberedLine(number, text));
                    }
                }
            }
            start = i + 1;
        }
        return nonBlank;
    }

    /** For charsets such as UTF-16, where a byte 0x0A need not be a line break: decode first. */
    private static int splitDecoded(byte[] body, Charset charset, ByteLimit maxLine, Consumer<NumberedLine> action) {
        String text = StrictText.decode(body, charset);
        int nonBlank = 0;
        int number = 0;
        for (int start = 0; start < text.length(); ) {
            number++;
            int breakAt = text.indexOf('\n', start);
            int next = breakAt < 0 ? text.length() : breakAt;
            int end = next > start && text.charAt(next - 1) == '\r' ? next - 1 : next;
            String line = text.substring(start, end);
            if (isLongerThan(maxLine, line, charset)) {
                throw BodyTooLargeException.line(number, maxLine);
            }
            if (!line.isBlank()) {
                nonBlank++;
                action.accept(new NumberedLine(number, line));
            }
            start = next + 1;
        }
        return nonBlank;
    }

    /**
     * Whether the line takes more than {@code maxLine} bytes in the body, encoded again only near
     * the limit: no charset takes more than four bytes for one UTF-16 char. A charset the JDK
     * cannot encode into is measured in chars.
     */
    private static boolean isLongerThan(ByteLimit maxLine, String line, Charset charset) {
        if (line.length() * 4L <= maxLine.bytes() || !charset.canEncode()) {
            return line.length() > maxLine.bytes();
        }
        // An encoder may start its output with a byte order mark, which is no part of the line:
        // whatever "x" and "xx" have in common beyond the x's is that mark.
        long byteOrderMark =
                2L * charset.encode("x").remaining() - charset.encode("xx").remaining();
        return charset.encode(CharBuffer.wrap(line)).remaining() - byteOrderMark > maxLine.bytes();
    }

    /** {@link Character#isWhitespace} for the ASCII range, where a byte is its character. */
    private static boolean isAsciiWhitespace(byte b) {
        return b >= 0 && Character.isWhitespace(b);
    }
}
