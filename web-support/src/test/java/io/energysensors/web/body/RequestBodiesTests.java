package io.energysensors.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.energysensors.web.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTests {

    @Test
    void readsABodyUpToTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContent(new byte[10]);

        assertThat(RequestBodies.readWithin(request, 10)).hasSize(10);
    }

    @Test
    void refusesABodyOneByteOverTheLimit() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContent(new byte[11]);

        assertThatThrownBy(() -> RequestBodies.readWithin(request, 10))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
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
    void refusesUnreadableTypesAndUnknownCharsetsWith415() {
        for (String type : new String[] {"text/plain; charset=klingon", "///"}) {
            assertThatThrownBy(() -> RequestBodies.textCharset(type))
                    .isInstanceOfSatisfying(
                            ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
    }
}
