package io.energysensors.web.body;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.energysensors.web.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Reads request bodies within a limit and tells which bodies are sensor text. */
public final class RequestBodies {

    private RequestBodies() {}

    /**
     * The whole body, refused with 413 as soon as it is known to exceed {@code maxBytes}: from
     * Content-Length before reading, or while reading a chunked body.
     */
    public static byte[] readWithin(HttpServletRequest request, long maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(cap);
            if (in.read() != -1) {
                throw tooLarge(maxBytes);
            }
            return body;
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
        if (contentType == null || contentType.isBlank()) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unreadable Content-Type \"" + contentType + "\": " + e.getMessage());
        }
        if (!MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)
                && !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            return Optional.empty();
        }
        try {
            Charset charset = type.getCharset();
            return Optional.of(charset != null ? charset : StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported charset in Content-Type \"" + contentType + "\"",
                    Map.of("contentType", contentType));
        }
    }

    private static ApiProblem tooLarge(long maxBytes) {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "request body is larger than the limit of " + maxBytes + " bytes",
                Map.of("maxBytes", maxBytes));
    }
}
