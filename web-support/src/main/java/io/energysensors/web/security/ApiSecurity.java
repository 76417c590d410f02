package io.energysensors.web.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Builds a service's Spring Security filter chain from the shared parts; the service names only
 * which role may call which endpoint. Stateless: no session, no saved request, no CSRF token (the
 * API takes no cookies, and {@link OriginCheck} stops cross-site browser requests instead).
 */
public final class ApiSecurity {

    /** Open to everyone in every mode, and not rate limited. */
    private static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**");

    private final SecurityProperties.Mode mode;
    private final SecurityProblems problems;
    private final OriginCheck origins;
    private final RateLimits rateLimits;
    private final AuthenticationManager authentication;

    ApiSecurity(SecurityProperties properties, StaticTokens tokens) {
        this.mode = properties.effectiveMode();
        this.problems = new SecurityProblems(mode);
        this.origins = new OriginCheck(properties.allowedOrigins());
        this.rateLimits = new RateLimits(properties.rateLimits());
        this.authentication = authenticationManager(properties, tokens);
    }

    private static AuthenticationManager authenticationManager(SecurityProperties properties, StaticTokens tokens) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new StaticTokenProvider(tokens, properties.jwt().enabled()));
        if (properties.jwt().enabled()) {
            JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
            roles.setJwtGrantedAuthoritiesConverter(
                    new JwtRoles(properties.jwt().rolesClaim()));
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(JwtRoles.decoder(properties.jwt()));
            jwt.setJwtAuthenticationConverter(roles);
            providers.add(jwt);
        }
        ProviderManager manager = new ProviderManager(providers);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * The chain: origin check first, then the bearer token, then the service's rules (anything
     * they do not name needs the admin role), then the request rate limit.
     *
     * @param publicPaths paths anyone may fetch (the dashboard's page and files), not rate limited
     * @param endpoints which role may call which endpoint, with {@link #allow}
     */
    public SecurityFilterChain build(
            HttpSecurity http,
            List<String> publicPaths,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
                    endpoints)
            throws Exception {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(publicPaths);
        String[] openPaths = open.toArray(String[]::new);
        RequestMatcher unlimited = new OrRequestMatcher(Arrays.stream(openPaths)
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                // The services set their own caching where it matters (the dashboard's files).
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .cors(cors -> cors.configurationSource(origins.corsSource()))
                .addFilterBefore(origins, DisableEncodeUrlFilter.class)
                .oauth2ResourceServer(bearer -> bearer.authenticationManagerResolver(request -> authentication)
                        .bearerTokenResolver(tokensOutside(unlimited))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    // An error dispatch shows the answer to a request that was already let in or refused.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(openPaths).permitAll();
                    endpoints.customize(requests);
                    requests.anyRequest().access(allow(Role.ADMIN));
                })
                .addFilterAfter(new RequestRateLimit(rateLimits, unlimited), AuthorizationFilter.class);
        return http.build();
    }

    /** Public paths ignore a token, so that a stale one cannot make health checks fail. */
    private static BearerTokenResolver tokensOutside(RequestMatcher publicPaths) {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> publicPaths.matches(request) ? null : resolver.resolve(request);
    }

    /**
     * Lets in a credential with one of the roles (admin always), and in local mode any client on
     * the loopback interface without one.
     */
    public AuthorizationManager<RequestAuthorizationContext> allow(Role... roles) {
        Set<String> authorities = Arrays.stream(roles)
                .map(role -> role.authority().getAuthority())
                .collect(Collectors.toSet());
        authorities.add(Role.ADMIN.authority().getAuthority());
        boolean local = mode == SecurityProperties.Mode.LOCAL;
        return (authentication, context) -> {
            boolean granted = authentication.get().getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .anyMatch(authorities::contains)
                    || (local && ClientAddress.isLoopback(context.getRequest()));
            return new AuthorizationDecision(granted);
        };
    }
}
