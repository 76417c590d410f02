package io.energysensors.logservice.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that says where it failed: the JDK's lenient decoding would put U+FFFD
 * into stored events, and its reporting one ({@code CharsetDecoder.decode}) loses the position.
 */
final class Utf8 {

    /** Malformed or unmappable input: where it is, as a body offset and as line/column of the text. */
    static final class InvalidUtf8Exception extends RuntimeException {

        private final int line;
        private final int column;

        private InvalidUtf8Exception(int offset, int line, int column, int badByte) {
            super(String.format("not valid UTF-8: byte 0x%02X at offset %d of the body", badByte, offset));
            this.line = line;
            this.column = column;
        }

        /** 1-based line within the decoded range. */
        int line() {
            return line;
        }

        /** 1-based column within that line, in code points as the line parser counts. */
        int column() {
            return column;
        }
    }

    private Utf8() {}

    /** Decodes {@code bytes[from, to)}; a fresh decoder per call keeps this thread-safe. */
    static String decode(byte[] bytes, int from, int to) {
        if (isAscii(bytes, from, to)) {
            // Sensors send ASCII, which is valid UTF-8 as it stands: one copy into a Latin-1 String.
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        // UTF-8 never yields more UTF-16 chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw invalidAt(in.position(), bytes[in.position()], out);
        }
        return out.flip().toString();
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static InvalidUtf8Exception invalidAt(int offset, byte badByte, CharBuffer out) {
        CharSequence decoded = out.duplicate().flip();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = Character.codePointCount(decoded, lineStart, decoded.length()) + 1;
        return new InvalidUtf8Exception(offset, line, column, badByte & 0xFF);
    }
}
