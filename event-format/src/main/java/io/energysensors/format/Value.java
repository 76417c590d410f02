package io.energysensors.format;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** One typed value or list element of a sensor line, typed as docs/format.md's "Values" describes. */
public sealed interface Value {

    /** {@code on}/{@code off} in any case. */
    record BooleanValue(boolean value) implements Value {

        private static final BooleanValue ON = new BooleanValue(true);
        private static final BooleanValue OFF = new BooleanValue(false);

        /** The shared instance of {@code value}: readers need not allocate one per field. */
        public static BooleanValue of(boolean value) {
            return value ? ON : OFF;
        }
    }

    /** An integer that fits 64 bits, unit suffix removed. */
    record IntegerValue(long value) implements Value {

        /** Small integers (FFT harmonics, codes, counts) are shared, as Integer.valueOf does. */
        private static final int SHARED_MIN = -1024;

        private static final IntegerValue[] SHARED = new IntegerValue[2048 + 1];

        static {
            for (int i = 0; i < SHARED.length; i++) {
                SHARED[i] = new IntegerValue(SHARED_MIN + i);
            }
        }

        /** {@code value}, a shared instance when it is small. */
        public static IntegerValue of(long value) {
            long index = value - SHARED_MIN;
            return index >= 0 && index < SHARED.length ? SHARED[(int) index] : new IntegerValue(value);
        }
    }

    /** An integer beyond 64 bits: kept exact rather than rounded. */
    record BigIntegerValue(BigInteger value) implements Value {

        /** Only beyond 64 bits, so that each integer has one representation and equality holds. */
        public BigIntegerValue {
            if (value.bitLength() < 64) {
                throw new IllegalArgumentException(value + " fits 64 bits: use IntegerValue");
            }
        }
    }

    /** A finite decimal number, unit suffix removed. Non-finite numbers stay {@link TextValue}. */
    record DecimalValue(double value) implements Value {

        public DecimalValue {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a decimal value must be finite, got " + value);
            }
        }
    }

    /** An unambiguous date-time; a time without zone is UTC. */
    record TimestampValue(Instant value) implements Value {

        public TimestampValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Anything else, as written (trimmed). */
    record TextValue(String value) implements Value {

        public TextValue {
            Objects.requireNonNull(value, "value");
        }
    }
}
