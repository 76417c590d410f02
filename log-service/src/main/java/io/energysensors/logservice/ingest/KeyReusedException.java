package io.energysensors.logservice.ingest;

import io.energysensors.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** A delivery key first used with another content: 422, nothing stored (the first stays as it was). */
final class KeyReusedException extends ApiProblem {

    KeyReusedException() {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "this key was first used with another content; nothing was stored: use a new key for a new batch");
    }
}
