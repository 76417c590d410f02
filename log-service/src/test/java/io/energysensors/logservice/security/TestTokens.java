package io.energysensors.logservice.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Tokens the security tests configure by their hashes, as an operator would. */
final class TestTokens {

    static final String DEVICE = "device-token-5xQ2mV8pL0aZ7rT1kW9yB3nC6dF4gH2j";
    /** Bound to the sample's device, ID=1. */
    static final String DEVICE_1 = "device-one-token-Jk3Lm5Np7Qr9St1Uv3Wx5Yz7Ab9Cd1Ef";

    static final String READER = "reader-token-Ra8Sb6Tc4Ud2Ve0Wf8Xg6Yh4Zi2Aj0Bk8Cl";
    static final String ADMIN = "admin-token-Ad7Be5Cf3Dg1Eh9Fi7Gj5Hk3Il1Jm9Kn7Lo5";
    static final String UNKNOWN = "unknown-token-Un1Kn2Ow3Nt4Ok5En6Th7At8Is9No0Tc1";

    private TestTokens() {}

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
