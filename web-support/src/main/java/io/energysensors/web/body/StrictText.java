package io.energysensors.web.body;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Strict decoding that says where it failed: the JDK's lenient decoding would put U+FFFD into
 * what the services store or answer, and its reporting one ({@code CharsetDecoder.decode}) loses
 * the position.
 */
public final class StrictText {

    /** Charsets in which a byte below 0x80 is that ASCII character, so ASCII text needs no decoder. */
    static final Set<Charset> ASCII_COMPATIBLE =
            Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

    private StrictText() {}

    /**
     * The whole of {@code bytes} as text, such as a JSON document.
     *
     * @throws MalformedTextException at the first byte that is not valid in {@code charset}
     */
    public static String decode(byte[] bytes, Charset charset) {
        if (ASCII_COMPATIBLE.contains(charset) && isAscii(bytes)) {
            return ascii(bytes, 0, bytes.length);
        }
        return decode(bytes, 0, bytes.length, charset, 1);
    }

    /** ASCII as it stands: one copy into a compact (Latin-1) String, no decoder. */
    static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes {@code bytes[from, to)}, which starts line {@code firstLine} of the body; a fresh
     * decoder per call keeps this thread-safe.
     */
    static String decode(byte[] bytes, int from, int to, Charset charset, int firstLine) {
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            // Every byte is a Latin-1 character: nothing can be malformed.
            return ascii(bytes, from, to);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        // Sized for the worst case, so the only results left are underflow (done) and an error.
        // A long, capped at what an array holds, so that no body size and charset can overflow it.
        long worstCase = (long) Math.ceil((to - from) * (double) decoder.maxCharsPerByte()) + 1;
        CharBuffer out = CharBuffer.allocate((int) Math.min(worstCase, Integer.MAX_VALUE - 16));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw malformedAt(out.flip(), in.position(), bytes[in.position()], charset, firstLine);
        }
        return out.flip().toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static MalformedTextException malformedAt(
            CharBuffer decoded, int byteOffset, byte first, Charset charset, int firstLine) {
        int line = firstLine;
        int lineStart = 0;
        for (int i = 0; i < decoded.limit(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = Character.codePointCount(decoded, lineStart, decoded.limit()) + 1;
        return new MalformedTextException(charset, line, column, byteOffset, first);
    }
}
