package io.energysensors.web.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token against the configured static tokens. A token that matches none is
 * left to the JWT provider when an issuer is configured, else refused.
 */
final class StaticTokenProvider implements AuthenticationProvider {

    private final StaticTokens tokens;
    private final boolean jwtNext;

    StaticTokenProvider(StaticTokens tokens, boolean jwtNext) {
        this.tokens = tokens;
        this.jwtNext = jwtNext;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        TokenPrincipal principal = tokens.find(token);
        if (principal == null) {
            if (jwtNext) {
                return null;
            }
            throw new BadCredentialsException("unknown bearer token");
        }
        // The token itself is not kept: the principal names it by the start of its hash.
        return UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(principal.role().authority()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
