package io.energysensors.web.body;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * After a request answered 408 (its body too slow, {@link RequestBodies#readWithin}), tells
 * Tomcat not to drain the rest of the body: it would otherwise read it at the client's pace,
 * up to {@code server.tomcat.max-swallow-size}, before sending the answer, which is exactly the
 * hold on a thread the deadline is there to end. The connection is closed after the answer.
 */
final class UndrainedRefusalValve extends ValveBase {

    UndrainedRefusalValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.getStatus() == HttpStatus.REQUEST_TIMEOUT.value()) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
