package io.energysensors.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The configured tokens, kept only as SHA-256 hashes. Tokens are 32 random bytes, so a fast hash
 * is as safe as a slow password hash and costs a microsecond instead of milliseconds per request.
 * A presented token is compared with every hash in constant time, without stopping at a match, so
 * the answer's timing tells nothing of which bytes matched.
 */
final class StaticTokens {

    private static final int HASH_BYTES = 32;

    private final List<Entry> entries;

    private record Entry(byte[] hash, TokenPrincipal principal) {}

    private StaticTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static StaticTokens of(SecurityProperties properties) {
        List<Entry> entries = new ArrayList<>();
        for (Role role : Role.values()) {
            String property = "energy-sensors.security.tokens." + role.propertyName();
            for (String value : properties.tokens().of(role)) {
                entries.add(entry(role, value.trim(), property));
            }
        }
        if (properties.tokensFile() != null) {
            entries.addAll(readFile(properties.tokensFile()));
        }
        return new StaticTokens(entries);
    }

    int count(Role role) {
        return (int) entries.stream().filter(e -> e.principal.role() == role).count();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The principal of the token, or null when no configured hash matches. */
    TokenPrincipal find(String token) {
        byte[] hash = sha256(token);
        TokenPrincipal found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash, hash) && found == null) {
                found = entry.principal;
            }
        }
        return found;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code role hash [device-id]} per line; blank lines and lines starting with # are skipped. */
    private static List<Entry> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "energy-sensors.security.tokens-file " + file + " cannot be read: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            String[] fields = line.split("\\s+");
            Role role = roleNamed(fields[0], where);
            if (fields.length < 2 || fields.length > 3 || (fields.length == 3 && role != Role.DEVICE)) {
                throw new IllegalArgumentException(
                        where + ": expected 'role hash', or 'device hash device-id' for a bound device token");
            }
            entries.add(entry(role, fields.length == 3 ? fields[1] + ":" + fields[2] : fields[1], where));
        }
        return entries;
    }

    private static Role roleNamed(String name, String where) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + ": unknown role '" + name + "'; expected device, reader or admin");
        }
    }

    private static Entry entry(Role role, String value, String where) {
        int colon = value.indexOf(':');
        String hex = colon < 0 ? value : value.substring(0, colon);
        Long device = null;
        if (colon >= 0) {
            if (role != Role.DEVICE) {
                throw new IllegalArgumentException(where + ": only device tokens can be bound to a device");
            }
            try {
                device = Long.parseLong(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        where + ": the device after ':' must be a device ID (a number), as in 'Device: ID=7'");
            }
        }
        byte[] hash;
        try {
            hash = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            hash = null;
        }
        if (hash == null || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException(where + ": expected the SHA-256 hash of a token as 64 hex digits"
                    + " (scripts/new-token prints one), not the token itself");
        }
        String id = role.propertyName() + "-" + hex.substring(0, 8).toLowerCase(Locale.ROOT);
        return new Entry(hash, new TokenPrincipal(id, role, device));
    }
}
