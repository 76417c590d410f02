package io.energysensors.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.energysensors.web.problem.ApiProblem;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTests {

    private static final ByteLimit TEN_BYTES = new ByteLimit(10, "test.max-body");
    private static final TimeLimit A_MINUTE = new TimeLimit(Duration.ofMinutes(1), "test.upload-deadline");

    @Test
    void readsABodyUpToTheLimit() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContent(new byte[10]);

        assertThat(RequestBodies.readWithin(request, TEN_BYTES, A_MINUTE)).hasSize(10);
    }

    @Test
    void refusesABodyOneByteOverTheLimit() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContent(new byte[11]);

        assertThatThrownBy(() -> RequestBodies.readWithin(request, TEN_BYTES, A_MINUTE))
                .isInstanceOfSatisfying(BodyTooLargeException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(p.properties()).containsExactlyEntriesOf(Map.of("max_bytes", 10L));
                })
                .hasMessage("request body is larger than the limit of 10 bytes (test.max-body)");
    }

    @Test
    void readsAndRefusesBodiesWithoutContentLengthAsTheyStream() {
        assertThat(RequestBodies.readWithin(chunked(new byte[10]), TEN_BYTES, A_MINUTE))
                .hasSize(10);
        assertThatThrownBy(() -> RequestBodies.readWithin(chunked(new byte[11]), TEN_BYTES, A_MINUTE))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("request body is larger than the limit of 10 bytes (test.max-body)");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReading() {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return 11;
            }

            @Override
            public ServletInputStream getInputStream() {
                throw new AssertionError("the body must not be read");
            }
        };

        assertThatThrownBy(() -> RequestBodies.readWithin(request, TEN_BYTES, A_MINUTE))
                .isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void answersABodyThatBreaksOffWith400() {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public ServletInputStream getInputStream() {
                return new FailingStream("connection reset");
            }
        };

        assertThatThrownBy(() -> RequestBodies.readWithin(request, TEN_BYTES, A_MINUTE))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessage("could not read the request body: connection reset");
    }

    @Test
    void growsTheBufferOfAChunkedBodyUpToItsLimit() {
        ByteLimit limit = new ByteLimit(100_000, "test.max-body");
        byte[] body = new byte[100_000];
        body[99_999] = 7;

        assertThat(RequestBodies.readWithin(chunked(body), limit, A_MINUTE)).isEqualTo(body);
        assertThatThrownBy(() -> RequestBodies.readWithin(chunked(new byte[100_001]), limit, A_MINUTE))
                .isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void refusesABodyStillArrivingAfterTheDeadlineWith408AndClosesTheConnection() {
        TimeLimit deadline = new TimeLimit(Duration.ofMillis(5), "test.upload-deadline");
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public ServletInputStream getInputStream() {
                return new TricklingStream(Duration.ofMillis(2));
            }
        };

        assertThatThrownBy(() -> RequestBodies.readWithin(request, new ByteLimit(1_000_000, "test.max-body"), deadline))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
                    assertThat(p.headers().getConnection()).containsExactly("close");
                    assertThat(p.properties()).containsExactlyEntriesOf(Map.of("deadline_ms", 5L));
                })
                .hasMessage("the request body did not arrive within 5 ms (test.upload-deadline);"
                        + " send it faster or in smaller batches");
    }

    @Test
    void answersAReadThatTimedOutWith408() {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public ServletInputStream getInputStream() {
                return new FailingStream(new IOException(new SocketTimeoutException("read timed out")));
            }
        };

        assertThatThrownBy(() -> RequestBodies.readWithin(request, TEN_BYTES, A_MINUTE))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.REQUEST_TIMEOUT));
    }

    @Test
    void neverShowsAClassNameFromTheIoLayer() {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public ServletInputStream getInputStream() {
                return new FailingStream("java.io.EOFException: at org.apache.tomcat");
            }
        };

        assertThatThrownBy(() -> RequestBodies.readWithin(request, TEN_BYTES, A_MINUTE))
                .hasMessage("could not read the request body: the client broke off or sent a broken body");
    }

    @Test
    void takesTextPlainInAnyCaseNoTypeAndCurlsFormTypeAsText() {
        assertThat(RequestBodies.textCharset(null)).contains(StandardCharsets.UTF_8);
        assertThat(RequestBodies.textCharset("Text/Plain; CHARSET=iso-8859-1")).contains(StandardCharsets.ISO_8859_1);
        assertThat(RequestBodies.textCharset("application/x-www-form-urlencoded"))
                .contains(StandardCharsets.UTF_8);
        assertThat(RequestBodies.textCharset("application/json")).isEmpty();
    }

    @Test
    void decodesTextInItsCharsetParameterAndUtf8WithoutOne() {
        assertThat(RequestBodies.charsetOf(MediaType.parseMediaType("text/plain; charset=UTF-16")))
                .isEqualTo(StandardCharsets.UTF_16);
        assertThat(RequestBodies.charsetOf(MediaType.TEXT_PLAIN)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(RequestBodies.contentType(" ")).isEqualTo(MediaType.TEXT_PLAIN);
    }

    @Test
    void refusesUnreadableTypesAndUnknownCharsetsWith415() {
        for (String type : new String[] {"text/plain; charset=klingon", "///"}) {
            assertThatThrownBy(() -> RequestBodies.textCharset(type))
                    .isInstanceOfSatisfying(
                            ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
    }

    /** A request as a chunked upload arrives: no Content-Length. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(body);
        return request;
    }

    private static final class FailingStream extends ServletInputStream {

        private final IOException failure;

        FailingStream(String message) {
            this(new IOException(message));
        }

        FailingStream(IOException failure) {
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            throw failure;
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
    }

    /** One byte per {@code pause}, endlessly, as a client that trickles its upload. */
    private static final class TricklingStream extends ServletInputStream {

        private final long pauseNanos;

        TricklingStream(Duration pause) {
            this.pauseNanos = pause.toNanos();
        }

        @Override
        public int read() {
            long until = System.nanoTime() + pauseNanos;
            while (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            buffer[offset] = (byte) read();
            return 1;
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
    }
}
