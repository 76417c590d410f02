package io.energysensors.web.problem;

import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns {@link ApiProblem}s, Spring MVC's own exceptions (404, 405, 415, ...) and anything
 * unexpected into problem details; unexpected failures go to {@link UnexpectedFailure}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> handleApiProblem(ApiProblem problem) {
        return problem.toResponseEntity();
    }

    /** Tomcat parses the query string (or form body) lazily and throws on bad percent-encoding. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleUnreadableParameters(InvalidParameterException e) {
        return new ApiProblem(
                        HttpStatus.BAD_REQUEST,
                        "the request's parameters cannot be read: the query string has bad percent-encoding"
                                + " or too many parameters")
                .toResponseEntity();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        return UnexpectedFailure.answer(e);
    }

    /** Names the parameter and the rule it broke ({@code size must be between 1 and 1000}). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.addErrorMember(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
