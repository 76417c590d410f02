package io.energysensors.web.security;

import java.util.Locale;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a credential may do (docs/security.md, "Roles"). */
public enum Role {
    /** Writes events, and nothing else. */
    DEVICE,
    /** Reads clusters, events, the dashboard's data and the API description. */
    READER,
    /** Everything, including starting runs and the actuator endpoints beyond health. */
    ADMIN;

    SimpleGrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    String propertyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
