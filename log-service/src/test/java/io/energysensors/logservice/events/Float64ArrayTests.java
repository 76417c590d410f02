package io.energysensors.logservice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Float64ArrayTests {

    @Test
    void encodesLittleEndianIeee754() {
        // 1.0 is 0x3FF0000000000000, -2.0 is 0xC000000000000000; least significant byte first.
        byte[] bytes = Float64Array.encode(new double[] {1.0, -2.0});

        assertThat(bytes).containsExactly(0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0xC0);
    }

    @Test
    void decodesWhatItEncodedBitForBit() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            double[] values = random.doubles(random.nextInt(20), -1e6, 1e6).toArray();

            assertThat(Float64Array.decode(Float64Array.encode(values))).containsExactly(values);
        }
    }

    @Test
    void writesTheEncodedBytesIntoABigEndianBufferAndLeavesItBigEndian() {
        double[] values = {1.5, -0.0, Double.MIN_VALUE, 7.311999799999999};
        ByteBuffer buffer = ByteBuffer.allocate(2 + values.length * Double.BYTES);
        buffer.putShort((short) 7);

        Float64Array.write(values, buffer);

        assertThat(buffer.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(Arrays.copyOfRange(buffer.array(), 2, buffer.position())).isEqualTo(Float64Array.encode(values));
        assertThat(Float64Array.decode(Float64Array.encode(values))).isEqualTo(values);
    }

    @Test
    void keepsAnEmptyArrayEmpty() {
        assertThat(Float64Array.decode(Float64Array.encode(new double[0]))).isEmpty();
    }

    @Test
    void rejectsBytesThatAreNotWholeDoubles() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Float64Array.decode(new byte[9]))
                .withMessageContaining("multiple of 8");
    }
}
