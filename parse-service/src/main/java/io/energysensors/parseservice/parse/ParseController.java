package io.energysensors.parseservice.parse;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import io.energysensors.format.LineFormatException;
import io.energysensors.format.LineParser;
import io.energysensors.format.SensorLine;
import io.energysensors.format.json.LineJson;
import io.energysensors.web.body.RequestBodies;
import io.energysensors.web.body.TextLines;
import io.energysensors.web.problem.ApiProblem;
import io.energysensors.web.problem.FirstErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final Counter linesParsed;
    private final Counter linesRejected;

    ParseController(ParseProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.linesParsed = Counter.builder("energy_sensors.parse.lines")
                .tag("outcome", "parsed")
                .description("Sensor lines by outcome")
                .register(meters);
        this.linesRejected = Counter.builder("energy_sensors.parse.lines")
                .tag("outcome", "rejected")
                .description("Sensor lines by outcome")
                .register(meters);
    }

    @Operation(
            summary = "Parse sensor lines into their JSON form",
            description = "One line answers its JSON object; several lines (one per \\n, blank lines skipped) "
                    + "answer a JSON array in the same order. Send text/plain (any charset), no Content-Type, "
                    + "or curl's default form type.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.TEXT_PLAIN_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "sample line",
                                                            value = OpenApiExamples.LINE))))
    @ApiResponse(
            responseCode = "200",
            description = "Every line parsed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(name = "sample line", value = OpenApiExamples.LINE_JSON)))
    @ApiResponse(
            responseCode = "400",
            description = "A line is not a sensor line, or the bytes are not valid text",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = @ExampleObject(name = "missing '='", value = OpenApiExamples.BAD_LINE_PROBLEM)))
    @ApiResponse(
            responseCode = "413",
            description = "The body is over energy-sensors.parse.max-body-size",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "415",
            description = "Another Content-Type, or an unknown charset",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/log/parse", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> parse(HttpServletRequest request) {
        Charset charset = RequestBodies.textCharset(request.getContentType())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type " + request.getContentType()
                                + " is not supported: send sensor lines as text/plain"));
        byte[] body = RequestBodies.readWithin(request, properties.bodyLimit(), properties.uploadLimit());
        List<SensorLine> parsed = new ArrayList<>();
        FirstErrors<LineError> errors = new FirstErrors<>(properties.maxErrors());
        int lines = TextLines.forEachNonBlankLine(body, charset, line -> {
            try {
                SensorLine sensorLine = parser.parse(line.text());
                if (errors.isEmpty()) {
                    parsed.add(sensorLine);
                }
            } catch (LineFormatException e) {
                // Once a line is bad the answer is its errors: the parsed lines are not kept.
                parsed.clear();
                errors.add(LineError.of(line.number(), e));
            }
        });
        if (lines == 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "the body holds no sensor line");
        }
        if (!errors.isEmpty()) {
            linesRejected.increment(errors.count());
            throw badLines(lines, errors);
        }
        linesParsed.increment(parsed.size());
        String answer = parsed.size() == 1 ? json.write(parsed.get(0)) : json.writeAll(parsed);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** Every bad line is one error here, so the count of errors is the count of bad lines. */
    private static ApiProblem badLines(int lineCount, FirstErrors<LineError> errors) {
        String first = errors.kept().get(0).describe();
        String message = errors.count() == 1
                ? first
                : errors.count() + " of " + lineCount + " lines are not valid sensor lines; first: " + first;
        return new ApiProblem(HttpStatus.BAD_REQUEST, message, errors.toProperties(error -> error));
    }
}
