package io.energysensors.format;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import io.energysensors.format.Value.BigIntegerValue;
import io.energysensors.format.Value.BooleanValue;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.Value.IntegerValue;
import io.energysensors.format.Value.TextValue;
import io.energysensors.format.Value.TimestampValue;

/**
 * Types one value or list element in place, in docs/format.md's order: on/off, integer, decimal,
 * date-time, text. Numbers use ASCII digits only; a unit suffix (W, var, VA, V, rad, A, Hz, any
 * case) must follow the number directly.
 */
final class ValueTypes {

    private static final TextValue EMPTY = new TextValue("");

    /** Up to this many digits, the mantissa fits a long. */
    private static final int MAX_MANTISSA_DIGITS = 18;
    /** Doubles are exact up to 2^53 and powers of ten up to 10^22, so one multiply or divide rounds once. */
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };
    /**
     * Longer integers stay text: BigInteger reads them in quadratic time, and 1000 digits is the
     * longest number Jackson's default constraints read back from the JSON form.
     */
    private static final int MAX_INTEGER_DIGITS = 1000;
    /** Beyond this, every decimal is 0 or infinite anyway; the cap keeps the exponent from overflowing. */
    private static final int EXPONENT_CAP = 100_000;

    private ValueTypes() {}

    /** The value of the trimmed text {@code s[from, to)}. */
    static Value of(char[] s, int from, int to, NumberReader numbers) {
        if (from == to) {
            return EMPTY;
        }
        Value value = onOff(s, from, to);
        if (value == null) {
            value = numbers.read(s, from, to);
            if (value != null && numbers.end != to) {
                value = null;
            }
        }
        if (value == null) {
            Instant instant = DateTimes.parse(s, from, to);
            value = instant != null ? new TimestampValue(instant) : new TextValue(new String(s, from, to - from));
        }
        return value;
    }

    private static Value onOff(char[] s, int from, int to) {
        int length = to - from;
        if (length == 2 && lower(s[from]) == 'o' && lower(s[from + 1]) == 'n') {
            return BooleanValue.of(true);
        }
        if (length == 3 && lower(s[from]) == 'o' && lower(s[from + 1]) == 'f' && lower(s[from + 2]) == 'f') {
            return BooleanValue.of(false);
        }
        return null;
    }

    /**
     * Reads the number (integer or finite decimal, with an optional unit) that starts a text, and
     * where it ends: the parser tries it on each value before scanning for the value's end, so
     * that the digits of a number, most of a line, are read once. One per parse; not thread-safe.
     */
    static final class NumberReader {

        /** After a successful {@link #read}, the index just past the number and its unit. */
        int end;

        /** The number at the start of {@code s[from, limit)}, or null when there is none. */
        Value read(char[] s, int from, int limit) {
            int i = from;
            char c = s[i];
            boolean negative = c == '-';
            if (negative || c == '+') {
                i++;
            }
            // All digits, integer part and fraction, accumulate into one mantissa; it is exact while
            // there are at most 18 of them, and longer numbers take the slow paths below.
            long mantissa = 0;
            int intStart = i;
            while (i < limit && isDigit(c = s[i])) {
                mantissa = mantissa * 10 + (c - '0');
                i++;
            }
            int intEnd = i;
            boolean decimal = false;
            int fractionDigits = 0;
            if (i < limit && (c == '.' || c == ',')) {
                decimal = true;
                int fractionStart = ++i;
                while (i < limit && isDigit(c = s[i])) {
                    mantissa = mantissa * 10 + (c - '0');
                    i++;
                }
                fractionDigits = i - fractionStart;
            }
            int digits = intEnd - intStart + fractionDigits;
            if (digits == 0) {
                return null;
            }
            long exponent = 0;
            if (i < limit && (c == 'e' || c == 'E')) {
                decimal = true;
                i++;
                boolean negativeExponent = false;
                if (i < limit && ((c = s[i]) == '+' || c == '-')) {
                    negativeExponent = c == '-';
                    i++;
                }
                int expStart = i;
                while (i < limit && isDigit(c = s[i])) {
                    exponent = Math.min(exponent * 10 + (c - '0'), EXPONENT_CAP);
                    i++;
                }
                if (i == expStart) {
                    return null;
                }
                if (negativeExponent) {
                    exponent = -exponent;
                }
            }
            int numberEnd = i;
            // Every unit starts with a letter; most numbers are followed by ';' or a blank.
            end = numberEnd < limit && s[numberEnd] >= 'A' ? unitEnd(s, numberEnd, limit) : numberEnd;
            if (!decimal) {
                if (digits <= MAX_MANTISSA_DIGITS) {
                    return IntegerValue.of(negative ? -mantissa : mantissa);
                }
                return longInteger(s, negative ? from : intStart, intEnd);
            }
            double value = digits <= MAX_MANTISSA_DIGITS ? fastDouble(mantissa, exponent - fractionDigits) : Double.NaN;
            if (Double.isNaN(value)) {
                value = parseDouble(s, from, numberEnd);
            }
            if (Double.isInfinite(value)) {
                return null;
            }
            return new DecimalValue(negative ? -value : value);
        }
    }

    /** An integer of more than 18 digits: a long if it fits, exact beyond, null past the digit limit. */
    private static Value longInteger(char[] s, int from, int to) {
        int firstSignificant = s[from] == '-' ? from + 1 : from;
        while (firstSignificant < to && s[firstSignificant] == '0') {
            firstSignificant++;
        }
        if (to - firstSignificant > MAX_INTEGER_DIGITS) {
            return null;
        }
        BigInteger value = new BigInteger(new String(s, from, to - from));
        return value.bitLength() < 64 ? IntegerValue.of(value.longValue()) : new BigIntegerValue(value);
    }

    /**
     * The exactly rounded {@code mantissa * 10^exponent} by Clinger's fast path, or NaN when one
     * operation cannot give it.
     */
    private static double fastDouble(long mantissa, long exponent) {
        if (mantissa == 0) {
            return 0.0;
        }
        if (mantissa > MAX_EXACT_MANTISSA || exponent < -22 || exponent > 22) {
            return Double.NaN;
        }
        return exponent < 0 ? mantissa / POWERS_OF_TEN[(int) -exponent] : mantissa * POWERS_OF_TEN[(int) exponent];
    }

    /**
     * The correctly rounded reading of the unsigned digits, by FastDoubleParser (Eisel-Lemire),
     * which is many times faster than the JDK on the 17-digit decimals the sensors send.
     */
    private static double parseDouble(char[] s, int from, int to) {
        char sign = s[from];
        int start = sign == '-' || sign == '+' ? from + 1 : from;
        for (int i = start; i < to; i++) {
            if (s[i] == ',') {
                char[] dotted = Arrays.copyOfRange(s, start, to);
                dotted[i - start] = '.';
                return JavaDoubleParser.parseDouble(dotted);
            }
        }
        return JavaDoubleParser.parseDouble(s, start, to - start);
    }

    /** The end of the longest unit (W, var, VA, V, rad, A, Hz, any case) at {@code from}, or {@code from}. */
    private static int unitEnd(char[] s, int from, int limit) {
        if (from == limit) {
            return from;
        }
        int room = limit - from;
        switch (lower(s[from])) {
            case 'w':
            case 'a':
                return from + 1;
            case 'v':
                if (room >= 2 && lower(s[from + 1]) == 'a') {
                    return room >= 3 && lower(s[from + 2]) == 'r' ? from + 3 : from + 2;
                }
                return from + 1;
            case 'r':
                return room >= 3 && lower(s[from + 1]) == 'a' && lower(s[from + 2]) == 'd' ? from + 3 : from;
            case 'h':
                return room >= 2 && lower(s[from + 1]) == 'z' ? from + 2 : from;
            default:
                return from;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ASCII lower case; other characters map to something that is never an ASCII letter. */
    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
