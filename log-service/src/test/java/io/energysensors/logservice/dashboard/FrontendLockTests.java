package io.energysensors.logservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pom downloads ECharts by the version and sha512 it names; the npm lockfile under
 * src/main/frontend records the same for npm's own tools and for update bots. These tests keep the
 * two records in step, so an update that edits only one of them fails the build.
 */
class FrontendLockTests {

    static final Path FRONTEND = Path.of("src", "main", "frontend");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final String version = System.getProperty("echarts.version");
    final String sha512 = System.getProperty("echarts.sha512");

    @Test
    void packageJsonPinsTheVersionThePomDownloads() {
        JsonNode manifest = JSON.readTree(FRONTEND.resolve("package.json").toFile());

        assertThat(version).as("echarts.version from the pom").isNotBlank();
        assertThat(manifest.get("dependencies").get("echarts").asString()).isEqualTo(version);
    }

    @Test
    void lockfileHasTheVersionAndIntegrityThePomChecks() {
        JsonNode locked = JSON.readTree(FRONTEND.resolve("package-lock.json").toFile())
                .get("packages")
                .get("node_modules/echarts");

        assertThat(locked.get("version").asString()).isEqualTo(version);
        // npm writes the sha512 as Subresource Integrity (base64); the download plugin takes hex.
        assertThat(locked.get("integrity").asString())
                .isEqualTo("sha512-"
                        + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha512)));
    }

    @Test
    void theServedLibraryIsThePinnedVersion() throws IOException {
        try (InputStream library = getClass().getResourceAsStream("/static/dashboard/vendor/echarts/echarts.min.js")) {
            assertThat(library).as("the unpacked library on the classpath").isNotNull();
            assertThat(new String(library.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("version=\"" + version + "\"");
        }
    }
}
