package io.energysensors.web.body;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import io.energysensors.web.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Reads request bodies within a limit and tells which bodies are text, in which charset. */
public final class RequestBodies {

    /** Headroom below {@code Integer.MAX_VALUE} that the JDK keeps for array headers. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private RequestBodies() {}

    /**
     * The whole body, refused with 413 as soon as it is known to exceed {@code limit}: from
     * Content-Length before reading, or while reading a chunked body. A Content-Length within the
     * limit sizes the array, so the bytes are copied once.
     *
     * @throws BodyTooLargeException when the body is over the limit
     * @throws ApiProblem 400 when the body cannot be read (the client broke off, bad chunking)
     */
    public static byte[] readWithin(HttpServletRequest request, ByteLimit limit) {
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes() || declared > MAX_ARRAY) {
            throw BodyTooLargeException.body(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = declared >= 0 ? readDeclared(in, (int) declared) : in.readNBytes(capOf(limit));
            if (in.read() != -1) {
                throw BodyTooLargeException.body(limit);
            }
            return body;
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "could not read the request body: " + e.getMessage());
        }
    }

    /**
     * The charset of a body sent as sensor text, or empty when the type is not text. Text is
     * {@code text/plain} (any case, any charset parameter), no Content-Type at all, or the
     * form type curl puts on {@code --data-binary} uploads, whose body is the raw lines too.
     *
     * @throws ApiProblem 415 when the Content-Type header cannot be read or names an unknown charset
     */
    public static Optional<Charset> textCharset(String contentType) {
        MediaType type = contentType(contentType);
        if (!MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)
                && !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            return Optional.empty();
        }
        return Optional.of(charsetOf(type));
    }

    /**
     * The Content-Type, {@code text/plain} when the request has none: a body sent without one is
     * sensor text.
     *
     * @throws ApiProblem 415 when the header cannot be read
     */
    public static MediaType contentType(String header) {
        if (header == null || header.isBlank()) {
            return MediaType.TEXT_PLAIN;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unreadable Content-Type \"" + header + "\": " + e.getMessage());
        }
    }

    /**
     * The one decoding rule of text bodies: the type's charset parameter, UTF-8 without one.
     *
     * @throws ApiProblem 415 when the charset is unknown
     */
    public static Charset charsetOf(MediaType type) {
        try {
            Charset charset = type.getCharset();
            return charset != null ? charset : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported charset in Content-Type \"" + type + "\"",
                    Map.of("contentType", type.toString()));
        }
    }

    /** Exactly the declared bytes, into an array of that size; fewer if the stream ends early. */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    private static int capOf(ByteLimit limit) {
        return (int) Math.min(limit.bytes(), MAX_ARRAY);
    }
}
