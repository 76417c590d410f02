package io.energysensors.web.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 401, 403 and 429 answers of the security filters, as the same problem JSON as every other
 * error: they are written before Spring MVC, so the shared advice never sees them. Messages say
 * what to do, and never repeat the token.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final SecurityProperties.Mode mode;

    SecurityProblems(SecurityProperties.Mode mode) {
        this.mode = mode;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, unauthorized(request, e), Map.of());
    }

    private String unauthorized(HttpServletRequest request, AuthenticationException e) {
        if (!(e instanceof InsufficientAuthenticationException)) {
            return "the bearer token is not valid: it matches no configured token or is no valid JWT"
                    + " (docs/security.md)";
        }
        if (mode == SecurityProperties.Mode.LOCAL) {
            return "this service runs in local mode: only clients on its own machine (loopback) may call it"
                    + " without a token, and this request came from " + request.getRemoteAddr()
                    + "; to let other machines in, make tokens with scripts/new-token and set"
                    + " energy-sensors.security.mode=tokens with their hashes (docs/security.md)";
        }
        return "this endpoint needs a bearer token: send 'Authorization: Bearer <token>' (docs/security.md)";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String who = authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token
                ? "a " + token.role().propertyName() + " token"
                : "this credential";
        write(
                response,
                HttpStatus.FORBIDDEN,
                who + " may not call " + request.getMethod() + " " + request.getRequestURI()
                        + " (docs/security.md, \"Roles\", says which role may call what)",
                Map.of());
    }

    static void write(HttpServletResponse response, HttpStatus status, String message, Map<String, Object> members)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", message);
        body.put("error", message);
        body.putAll(members);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JsonMapper.shared().writeValue(response.getOutputStream(), body);
    }
}
