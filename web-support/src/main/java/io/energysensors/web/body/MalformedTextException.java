package io.energysensors.web.body;

import java.util.Map;

import io.energysensors.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** A body whose bytes are not valid text in its charset: 400, with where the first bad byte is. */
public final class MalformedTextException extends ApiProblem {

    MalformedTextException(String charset, int line, int column, long byteOffset) {
        super(
                HttpStatus.BAD_REQUEST,
                "line " + line + ", column " + column + " (byte " + byteOffset + "): invalid " + charset
                        + " byte sequence",
                Map.of("line", line, "column", column, "byteOffset", byteOffset));
    }
}
