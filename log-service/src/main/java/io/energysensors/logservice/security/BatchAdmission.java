package io.energysensors.logservice.security;

import java.util.List;
import java.util.Map;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.web.problem.ApiProblem;
import io.energysensors.web.security.EventAllowance;
import io.energysensors.web.security.TokenPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lets a read batch be stored only if its sender may store all of it: a token bound to a device
 * may store only that device's events, and the batch's events must fit the sender's event rate.
 * Either refusal stores nothing of the batch.
 */
@Component
public class BatchAdmission {

    private final EventAllowance allowance;

    BatchAdmission(EventAllowance allowance) {
        this.allowance = allowance;
    }

    /** @throws ApiProblem 403 naming the first event of another device, or 429 with Retry-After */
    public void admit(HttpServletRequest request, List<SensorEvent> events) {
        Authentication sender = SecurityContextHolder.getContext().getAuthentication();
        if (sender != null && sender.getPrincipal() instanceof TokenPrincipal token && token.device() != null) {
            for (int i = 0; i < events.size(); i++) {
                long device = events.get(i).deviceId();
                if (!token.mayWriteFor(device)) {
                    throw new ApiProblem(
                            HttpStatus.FORBIDDEN,
                            "event " + (i + 1) + " of the body is from device ID=" + device
                                    + ", but this token may only store events of device ID=" + token.device()
                                    + "; nothing was stored",
                            Map.of("event", i + 1, "device", device));
                }
            }
        }
        allowance.take(request, events.size());
    }
}
