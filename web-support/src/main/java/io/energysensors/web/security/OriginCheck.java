package io.energysensors.web.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any other work, a browser request sent from a page of another origin that is
 * not on the allow-list. This is what protects a token-less (local mode) or cookie-less API from
 * cross-site request forgery: a page on any site can make the browser POST {@code text/plain} to
 * localhost:5000 without a CORS preflight, but the browser always names that page's origin in
 * {@code Origin} (or at least says {@code Sec-Fetch-Site: cross-site}), which no page can forge.
 * The service's own origin (its dashboard) and clients that send neither header (curl, the demo
 * clients, devices) pass.
 */
final class OriginCheck extends OncePerRequestFilter {

    private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

    private final CorsConfiguration allowed;

    OriginCheck(List<String> allowedOrigins) {
        this.allowed = new CorsConfiguration();
        allowed.setAllowedOriginPatterns(allowedOrigins);
        allowed.setAllowedMethods(List.of("GET", "HEAD", "POST"));
        allowed.setAllowedHeaders(List.of("*"));
        allowed.setMaxAge(3600L);
    }

    /** For Spring Security's CORS filter: the allowed origins get the CORS answers they need. */
    UrlBasedCorsConfigurationSource corsSource() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", allowed);
        return source;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String refusal = null;
        if (origin != null) {
            // CorsUtils: an Origin other than the request's own scheme, host and port.
            if (CorsUtils.isCorsRequest(request) && allowed.checkOrigin(origin) == null) {
                refusal = "requests from pages of origin " + origin + " are not allowed";
            }
        } else if ("cross-site".equalsIgnoreCase(request.getHeader(SEC_FETCH_SITE))) {
            refusal = "cross-site browser requests are not allowed";
        }
        if (refusal != null) {
            SecurityProblems.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    refusal + "; add the origin to energy-sensors.security.allowed-origins to let its pages call"
                            + " this service (docs/security.md, \"Origins\")",
                    Map.of());
            return;
        }
        chain.doFilter(request, response);
    }
}
