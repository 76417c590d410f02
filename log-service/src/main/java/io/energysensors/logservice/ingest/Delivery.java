package io.energysensors.logservice.ingest;

import org.springframework.http.MediaType;

/**
 * What a door hands to the {@link IngestPipeline}: a payload as received and how to tell a repeat.
 *
 * @param body the payload's bytes, not yet decoded
 * @param type {@code application/json} for the JSON form; anything else is sensor text in the
 *     type's charset (UTF-8 without one)
 * @param key what makes a repeat of this delivery recognisable, or null when repeats are stored
 *     again
 */
public record Delivery(byte[] body, MediaType type, DeliveryKey key) {

    /**
     * A payload that came without a content type (an MQTT message, a Kafka record): JSON when its
     * first byte that is not white space is {@code {} or {@code [}, as no sensor line can start
     * so; sensor text in UTF-8 otherwise.
     */
    public static Delivery sniffed(byte[] body, DeliveryKey key) {
        for (byte b : body) {
            if (b == '{' || b == '[') {
                return new Delivery(body, MediaType.APPLICATION_JSON, key);
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                break;
            }
        }
        return new Delivery(body, MediaType.TEXT_PLAIN, key);
    }
}
