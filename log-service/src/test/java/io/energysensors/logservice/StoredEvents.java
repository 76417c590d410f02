package io.energysensors.logservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.energysensors.format.LineParser;
import io.energysensors.format.event.SensorEvent;
import io.energysensors.format.event.SensorEventReader;
import io.energysensors.logservice.TestServer.Reply;
import tools.jackson.databind.JsonNode;

/** Reading events back through GET /events and comparing them with what was sent. */
public final class StoredEvents {

    private static final LineParser PARSER = new LineParser();
    private static final SensorEventReader READER = new SensorEventReader();

    private StoredEvents() {}

    /** What the format module reads out of a line: what must come back from the store. */
    public static SensorEvent expected(String line) {
        return READER.read(PARSER.parse(line));
    }

    /** All events of a device in the order they were stored (GET /events pages newest first). */
    public static List<JsonNode> ofDevice(TestServer server, long device) {
        List<JsonNode> newestFirst = new ArrayList<>();
        for (int page = 0; ; page++) {
            Reply reply = server.get("/events?device=" + device + "&size=1000&page=" + page);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode events = reply.json().get("events");
            events.forEach(newestFirst::add);
            if (page + 1 >= reply.json().get("total_pages").asInt()) {
                break;
            }
        }
        List<JsonNode> stored = new ArrayList<>(newestFirst);
        Collections.reverse(stored);
        return stored;
    }

    public static void assertSame(JsonNode stored, SensorEvent expected) {
        assertThat(stored.get("device_id").asLong()).isEqualTo(expected.deviceId());
        assertThat(stored.get("firmware").asLong()).isEqualTo(expected.firmware());
        assertThat(stored.get("event_code").asLong()).isEqualTo(expected.eventCode());
        assertThat(Instant.parse(stored.get("measured_at").asString())).isEqualTo(expected.measuredAt());
        assertThat(stored.get("coil_reversed").asBoolean()).isEqualTo(expected.coilReversed());
        assertThat(stored.get("power_active_w").asDouble()).isEqualTo(expected.activePowerW());
        assertThat(stored.get("power_reactive_var").asDouble()).isEqualTo(expected.reactivePowerVar());
        assertThat(stored.get("power_apparent_va").asDouble()).isEqualTo(expected.apparentPowerVa());
        assertThat(stored.get("line_current_a").asDouble()).isEqualTo(expected.lineCurrentA());
        assertThat(stored.get("line_voltage_v").asDouble()).isEqualTo(expected.lineVoltageV());
        assertThat(stored.get("line_phase_rad").asDouble()).isEqualTo(expected.linePhaseRad());
        assertThat(stored.get("frequency_hz").asDouble()).isEqualTo(expected.frequencyHz());
        assertThat(doubles(stored.get("peaks"))).containsExactly(expected.peaks());
        assertThat(doubles(stored.get("fft_re"))).containsExactly(expected.fftRe());
        assertThat(doubles(stored.get("fft_img"))).containsExactly(expected.fftImg());
        assertThat(stored.get("wifi_strength_dbm").asDouble()).isEqualTo(expected.wifiStrengthDbm());
        assertThat(stored.get("dummy").asDouble()).isEqualTo(expected.dummy());
    }

    public static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
