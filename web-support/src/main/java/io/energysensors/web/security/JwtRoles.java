package io.energysensors.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * JWTs from the configured identity provider: the reader and admin roles listed in one claim.
 * A JWT cannot carry the device role: devices use static tokens, which can be bound to a device.
 */
final class JwtRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String claim;

    JwtRoles(String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<String> values = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : List.of();
        List<GrantedAuthority> roles = new ArrayList<>();
        for (Role role : List.of(Role.READER, Role.ADMIN)) {
            if (values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(role.propertyName()))) {
                roles.add(role.authority());
            }
        }
        return roles;
    }

    /**
     * Keys from the JWK set URI when given, else from the issuer's discovery document, fetched on
     * the first JWT so that a start does not wait for the identity provider.
     */
    static JwtDecoder decoder(SecurityProperties.Jwt jwt) {
        if (jwt.jwkSetUri() == null) {
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri()));
        }
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        decoder.setJwtValidator(
                jwt.issuerUri() != null
                        ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri())
                        : JwtValidators.createDefault());
        return decoder;
    }
}
