package io.energysensors.logservice.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes a delivery a repeat of one already stored ({@link DeliveryKeys}): only hashes are
 * kept, never the client's key or the content itself.
 *
 * @param door where the delivery came in ({@code http}, {@code mqtt}, ...): keys of different
 *     doors never match
 * @param hash SHA-256 (hex) of the client's key, or of the content where the content is the key
 * @param fingerprint SHA-256 (hex) of the content, which tells a key reused for another content
 */
public record DeliveryKey(String door, String hash, String fingerprint) {

    /** A key the client chose (HTTP's Idempotency-Key): the same key with another body is a mistake. */
    public static DeliveryKey chosen(String door, String key, byte[] content) {
        return new DeliveryKey(door, sha256(key.getBytes(StandardCharsets.UTF_8)), sha256(content));
    }

    /**
     * The content is the key, within a scope (an MQTT topic): a redelivered message is the same
     * bytes on the same topic.
     */
    public static DeliveryKey ofContent(String door, String scope, byte[] content) {
        MessageDigest digest = sha256();
        digest.update(scope.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        String hash = HexFormat.of().formatHex(digest.digest(content));
        return new DeliveryKey(door, hash, hash);
    }

    /** Door and hash: what the database's unique key is made of. */
    String id() {
        return id(door, hash);
    }

    static String id(String door, String hash) {
        return door + ':' + hash;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
