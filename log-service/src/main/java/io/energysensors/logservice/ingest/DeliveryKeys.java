package io.energysensors.logservice.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys of stored deliveries ({@code delivery_key}, V6), written by the transaction that stores
 * their events ({@link GroupCommit}), so a key is recorded exactly when its events are: a crash
 * never keeps one without the other. The table's primary key (door, key) makes sure that of two
 * deliveries with one key, stored at once by two copies of the service, only one commits.
 */
@Component
class DeliveryKeys {

    /** A key already recorded and the answer of its first delivery. */
    record Recorded(DeliveryKey key, int events) {

        /** The first delivery's answer, or 422 when the key came first with another content. */
        Stored answerTo(DeliveryKey repeat) {
            if (!key.fingerprint().equals(repeat.fingerprint())) {
                throw new KeyReusedException();
            }
            return new Stored(events, true);
        }
    }

    private final JdbcTemplate jdbc;

    DeliveryKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Hashes one lookup asks for at once: a Kafka poll's keys cost a few queries, not one each. */
    private static final int LOOKUP_CHUNK = 100;

    /** Those of the keys already recorded, by {@link DeliveryKey#id()}; in the caller's transaction. */
    Map<String, Recorded> find(Collection<DeliveryKey> keys) {
        Map<String, Recorded> found = new HashMap<>();
        Map<String, DeliveryKey> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.put(key.id(), key));
        List<String> hashes =
                byId.values().stream().map(DeliveryKey::hash).distinct().toList();
        for (int from = 0; from < hashes.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(from + LOOKUP_CHUNK, hashes.size()));
            jdbc.query(
                    lookup(chunk.size()),
                    row -> {
                        DeliveryKey key = byId.get(DeliveryKey.id(row.getString(1), row.getString(2)));
                        if (key != null) {
                            found.put(
                                    key.id(),
                                    new Recorded(
                                            new DeliveryKey(key.door(), key.hash(), row.getString(3)), row.getInt(4)));
                        }
                    },
                    chunk.toArray());
        }
        return found;
    }

    /**
     * By hash alone, which {@code delivery_key_hash_idx} (V12) finds; the door is checked on the
     * rows found, as every key of a door shares the primary key's first column.
     */
    static String lookup(int hashes) {
        return "SELECT door, key_hash, fingerprint, events FROM delivery_key WHERE key_hash IN ("
                + String.join(", ", Collections.nCopies(hashes, "?")) + ")";
    }

    /**
     * In the transaction that stores their events.
     *
     * @throws org.springframework.dao.DuplicateKeyException another transaction recorded one of
     *     them first
     */
    void record(List<Recorded> keys, Instant receivedAt) {
        if (keys.isEmpty()) {
            return;
        }
        OffsetDateTime at = receivedAt.atOffset(ZoneOffset.UTC);
        jdbc.batchUpdate(
                "INSERT INTO delivery_key (door, key_hash, fingerprint, events, received_at) VALUES (?, ?, ?, ?, ?)",
                keys,
                keys.size(),
                (statement, recorded) -> {
                    statement.setString(1, recorded.key().door());
                    statement.setString(2, recorded.key().hash());
                    statement.setString(3, recorded.key().fingerprint());
                    statement.setInt(4, recorded.events());
                    statement.setObject(5, at);
                });
    }

    /** @return how many keys recorded before {@code cutoff} were deleted */
    int deleteRecordedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM delivery_key WHERE received_at < ?", cutoff.atOffset(ZoneOffset.UTC));
    }
}
