package io.energysensors.logservice.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a browser test class when Debian's Chromium or its driver is missing, printing why, so that
 * a fresh clone with only a JDK passes; under CI (environment variable {@code CI} set) the class
 * always runs and fails without them, since a skip there would let a broken page pass.
 */
final class NeedsChromium implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        if (System.getenv("CI") != null) {
            return ConditionEvaluationResult.enabled("CI must run the browser test: " + missing);
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": " + missing;
        // Surefire shows a skipped class only as a count; the reason belongs in the console too.
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** What is missing and how to install it, or null when both programs are there. */
    static String missing() {
        for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(program)) {
                return program + " not found; install it: " + INSTALL;
            }
        }
        return null;
    }
}
