package io.energysensors.web.body;

import java.nio.charset.Charset;
import java.util.Map;

import io.energysensors.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A body whose bytes are not valid text in its charset: 400, with where the first bad byte is
 * (line and column in code points, as the line parser counts, offset in the body, and the byte).
 */
public final class MalformedTextException extends ApiProblem {

    MalformedTextException(Charset charset, int line, int column, long byteOffset, byte first) {
        super(
                HttpStatus.BAD_REQUEST,
                "line " + line + ", column " + column + " (byte " + byteOffset + "): invalid " + charset.name()
                        + " byte sequence starting with " + String.format("0x%02X", first & 0xFF),
                Map.of("line", line, "column", column, "byte_offset", byteOffset));
    }
}
