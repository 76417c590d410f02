package io.energysensors.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticTokensTests {

    private static final String DEVICE = "device-token";
    private static final String BOUND = "bound-device-token";
    private static final String ADMIN = "admin-token";

    private static String hash(String token) {
        return HexFormat.of().formatHex(StaticTokens.sha256(token));
    }

    private static SecurityProperties properties(
            List<String> device, List<String> reader, List<String> admin, Path file) {
        return new SecurityProperties(
                null, new SecurityProperties.Tokens(device, reader, admin), file, null, null, null);
    }

    @Test
    void findsEachTokenByItsHashWithItsRoleAndBoundDevice() {
        StaticTokens tokens = StaticTokens.of(
                properties(List.of(hash(DEVICE), hash(BOUND) + ":7"), null, List.of(hash(ADMIN)), null));

        assertThat(tokens.find(DEVICE))
                .isEqualTo(new TokenPrincipal("device-" + hash(DEVICE).substring(0, 8), Role.DEVICE, null));
        assertThat(tokens.find(BOUND).device()).isEqualTo(7L);
        assertThat(tokens.find(ADMIN).role()).isEqualTo(Role.ADMIN);
        assertThat(tokens.find("another-token")).isNull();
        assertThat(tokens.find(hash(DEVICE))).as("the hash itself is no token").isNull();
    }

    @Test
    void aBoundTokenMayWriteOnlyForItsDevice() {
        TokenPrincipal bound = new TokenPrincipal("device-1234abcd", Role.DEVICE, 7L);
        TokenPrincipal free = new TokenPrincipal("device-1234abcd", Role.DEVICE, null);

        assertThat(bound.mayWriteFor(7)).isTrue();
        assertThat(bound.mayWriteFor(8)).isFalse();
        assertThat(free.mayWriteFor(8)).isTrue();
    }

    @Test
    void readsTokensFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# rotated 2026-12\nreader " + hash("r") + "\n\ndevice " + hash(BOUND) + " 9\n");

        StaticTokens tokens = StaticTokens.of(properties(null, null, null, file));

        assertThat(tokens.find("r").role()).isEqualTo(Role.READER);
        assertThat(tokens.find(BOUND).device()).isEqualTo(9L);
    }

    @Test
    void refusesATokenConfiguredInsteadOfItsHashNamingTheProperty() {
        assertThatThrownBy(() -> StaticTokens.of(properties(List.of(DEVICE), null, null, null)))
                .hasMessageContaining("energy-sensors.security.tokens.device")
                .hasMessageContaining("SHA-256")
                .hasMessageNotContaining(DEVICE + ":");
    }

    @Test
    void refusesABindingOnAnythingButADeviceToken(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "admin " + hash(ADMIN) + " 3\n");

        assertThatThrownBy(() -> StaticTokens.of(properties(null, List.of(hash("r") + ":3"), null, null)))
                .hasMessageContaining("only device tokens can be bound");
        assertThatThrownBy(() -> StaticTokens.of(properties(null, null, null, file)))
                .hasMessageContaining("line 1");
    }
}
