package io.energysensors.parseservice.parse;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.energysensors.format.LineFormatException;
import io.energysensors.format.LineParser;
import io.energysensors.format.SensorLine;
import io.energysensors.format.json.LineJson;
import io.energysensors.web.body.NumberedLine;
import io.energysensors.web.body.RequestBodies;
import io.energysensors.web.body.TextLines;
import io.energysensors.web.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One line in, its JSON object out; several lines (one per {@code \n}) in, a JSON array in the same
 * order out. Any bad line fails the whole request, and every bad line is listed.
 */
@RestController
class ParseController {

    private final LineParser parser = new LineParser();
    private final LineJson json = new LineJson();
    private final ParseProperties properties;

    ParseController(ParseProperties properties) {
        this.properties = properties;
    }

    @PostMapping(path = "/log/parse", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> parse(HttpServletRequest request) throws IOException {
        Charset charset = RequestBodies.textCharset(request.getContentType())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type " + request.getContentType() + " is not supported: send sensor lines as text/plain"));
        byte[] body = RequestBodies.readWithin(request, properties.maxBodySize().toBytes());
        List<NumberedLine> lines = TextLines.nonBlankLines(body, charset);
        if (lines.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "the body holds no sensor line");
        }
        List<SensorLine> parsed = parseAll(lines);
        String answer = parsed.size() == 1 ? json.write(parsed.get(0)) : json.writeAll(parsed);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private List<SensorLine> parseAll(List<NumberedLine> lines) {
        List<SensorLine> parsed = new ArrayList<>(lines.size());
        List<LineError> errors = new ArrayList<>();
        for (NumberedLine line : lines) {
            try {
                parsed.add(parser.parse(line.text()));
            } catch (LineFormatException e) {
                errors.add(LineError.of(line.number(), e));
            }
        }
        if (!errors.isEmpty()) {
            throw badLines(lines.size(), errors);
        }
        return parsed;
    }

    private static ApiProblem badLines(int lineCount, List<LineError> errors) {
        String first = errors.get(0).describe();
        String message = errors.size() == 1
                ? first
                : errors.size() + " of " + lineCount + " lines are not valid sensor lines; first: " + first;
        return new ApiProblem(HttpStatus.BAD_REQUEST, message, Map.of("errors", errors));
    }
}
