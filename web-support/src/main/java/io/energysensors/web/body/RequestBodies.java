package io.energysensors.web.body;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.energysensors.web.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Reads request bodies within a limit and tells which bodies are text, in which charset. */
public final class RequestBodies {

    /** A qualified Java name such as {@code java.io.EOFException}, which no client should read. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]*|Exception");

    /** Headroom below {@code Integer.MAX_VALUE} that the JDK keeps for array headers. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private RequestBodies() {}

    /**
     * The whole body, refused with 413 as soon as it is known to exceed {@code limit}: from
     * Content-Length before reading, or while reading a chunked body. A Content-Length within the
     * limit sizes the array, so the bytes are copied once. A body still arriving when {@code
     * deadline} has passed since reading began is refused with 408 and the connection closed, so
     * a client that trickles bytes holds a request thread for the deadline at most (plus the
     * server's read timeout, which bounds each single read).
     *
     * @throws BodyTooLargeException when the body is over the limit
     * @throws ApiProblem 408 when the body took longer than the deadline; 400 when it cannot be
     *     read (the client broke off, bad chunking)
     */
    public static byte[] readWithin(HttpServletRequest request, ByteLimit limit, TimeLimit deadline) {
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes() || declared > MAX_ARRAY) {
            throw BodyTooLargeException.body(limit);
        }
        Upload upload =
                new Upload(deadline, System.nanoTime() + deadline.duration().toNanos());
        try (InputStream in = request.getInputStream()) {
            byte[] body = declared >= 0
                    ? upload.readDeclared(in, (int) declared)
                    : upload.readUpTo(in, (int) Math.min(limit.bytes(), MAX_ARRAY));
            if (in.read() != -1) {
                throw BodyTooLargeException.body(limit);
            }
            upload.checkDeadline();
            return body;
        } catch (IOException e) {
            if (timedOut(e)) {
                throw upload.tooSlow();
            }
            upload.checkDeadline();
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "could not read the request body: " + wordsOf(e));
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

    /** The reading of one body against its deadline, checked after every read. */
    private record Upload(TimeLimit deadline, long until) {

        private static final int FIRST_CHUNK = 8192;

        /** Exactly the declared bytes, into an array of that size; fewer if the stream ends early. */
        byte[] readDeclared(InputStream in, int length) throws IOException {
            byte[] body = new byte[length];
            int filled = fill(in, body, 0);
            return filled == length ? body : Arrays.copyOf(body, filled);
        }

        /** Up to {@code cap} bytes of a body of unknown length, in an array grown as they come. */
        byte[] readUpTo(InputStream in, int cap) throws IOException {
            byte[] body = new byte[Math.min(cap, FIRST_CHUNK)];
            int filled = 0;
            while (true) {
                filled = fill(in, body, filled);
                if (filled < body.length || body.length == cap) {
                    return filled == body.length ? body : Arrays.copyOf(body, filled);
                }
                body = Arrays.copyOf(body, (int) Math.min(cap, 2L * body.length));
            }
        }

        /** Reads into {@code buffer} from {@code from} until it is full or the stream ends. */
        private int fill(InputStream in, byte[] buffer, int from) throws IOException {
            int filled = from;
            while (filled < buffer.length) {
                int read = in.read(buffer, filled, buffer.length - filled);
                checkDeadline();
                if (read < 0) {
                    break;
                }
                filled += read;
            }
            return filled;
        }

        void checkDeadline() {
            if (System.nanoTime() - until > 0) {
                throw tooSlow();
            }
        }

        ApiProblem tooSlow() {
            HttpHeaders headers = new HttpHeaders();
            headers.setConnection("close");
            return new ApiProblem(
                    HttpStatus.REQUEST_TIMEOUT,
                    "the request body did not arrive within "
                            + deadline.duration().toMillis() + " ms (" + deadline.setting()
                            + "); send it faster or in smaller batches",
                    Map.of("deadline_ms", deadline.duration().toMillis()),
                    headers);
        }
    }

    /** The server's read timeout ended a read: the client stopped sending, which the deadline covers too. */
    private static boolean timedOut(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong, in the I/O layer's words where they are words: a message that names a
     * class (a wrapped exception's {@code toString}) is not shown.
     */
    private static String wordsOf(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || CLASS_NAME.matcher(message).find()) {
            return "the client broke off or sent a broken body";
        }
        return message;
    }
}
