package io.energysensors.logservice.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The stored form of peaks and FFT harmonics: IEEE 754 float64, little-endian, 8 bytes per
 * element. One binary column holds the same bytes on H2 and PostgreSQL, unlike their array types.
 */
public final class Float64Array {

    private Float64Array() {}

    public static byte[] encode(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(values.length, Double.BYTES));
        write(values, bytes);
        return bytes.array();
    }

    /** Puts the encoded {@code values} at the buffer's position, leaving its byte order as it was. */
    public static void write(double[] values, ByteBuffer to) {
        ByteOrder order = to.order();
        to.order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            to.putDouble(value);
        }
        to.order(order);
    }

    public static double[] decode(byte[] bytes) {
        if (bytes.length % Double.BYTES != 0) {
            throw new IllegalArgumentException("a float64 array needs a multiple of 8 bytes, got " + bytes.length);
        }
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }
}
