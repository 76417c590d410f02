package io.energysensors.format;

import io.energysensors.format.Value.BigIntegerValue;
import io.energysensors.format.Value.BooleanValue;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.Value.IntegerValue;
import io.energysensors.format.Value.TextValue;
import io.energysensors.format.Value.TimestampValue;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Types one value or list element in place, in FORMAT.md's order: on/off, integer, decimal,
 * date-time, text. Numbers use ASCII digits only; a unit suffix (W, var, VA, V, rad, A, Hz, any
 * case) must follow the number directly.
 */
final class ValueTypes {

    private static final BooleanValue ON = new BooleanValue(true);
    private static final BooleanValue OFF = new BooleanValue(false);
    private static final TextValue EMPTY = new TextValue("");

    /** Up to this many significant digits, the mantissa fits a long. */
    private static final int MAX_MANTISSA_DIGITS = 18;
    /** Doubles are exact up to 2^53 and powers of ten up to 10^22, so one multiply or divide rounds once. */
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    /**
     * Longer integers stay text: BigInteger reads them in quadratic time, and 1000 digits is the
     * longest number Jackson's default constraints read back from the JSON form.
     */
    private static final int MAX_INTEGER_DIGITS = 1000;
    /** Beyond this, every decimal is 0 or infinite anyway; the cap keeps the exponent from overflowing. */
    private static final int EXPONENT_CAP = 100_000;

    private ValueTypes() {
    }

    /** The value of the trimmed text {@code s[from, to)}. */
    static Value of(String s, int from, int to) {
        if (from == to) {
            return EMPTY;
        }
        Value value = onOff(s, from, to);
        if (value == null) {
            value = number(s, from, to);
        }
        if (value == null) {
            Instant instant = DateTimes.parse(s, from, to);
            value = instant != null ? new TimestampValue(instant) : new TextValue(s.substring(from, to));
        }
        return value;
    }

    private static Value onOff(String s, int from, int to) {
        int length = to - from;
        if (length == 2 && lower(s.charAt(from)) == 'o' && lower(s.charAt(from + 1)) == 'n') {
            return ON;
        }
        if (length == 3 && lower(s.charAt(from)) == 'o' && lower(s.charAt(from + 1)) == 'f' && lower(s.charAt(from + 2)) == 'f') {
            return OFF;
        }
        return null;
    }

    /** An integer or finite decimal with an optional unit, or null when the text is not one. */
    private static Value number(String s, int from, int to) {
        int i = from;
        char c = s.charAt(i);
        boolean negative = c == '-';
        if (negative || c == '+') {
            i++;
        }
        int intStart = i;
        // The integer accumulates negatively so that Long.MIN_VALUE fits; overflow clears `exact`.
        // The mantissa keeps the significant digits for a decimal reading, up to what a long holds.
        long integer = 0;
        boolean exact = true;
        long mantissa = 0;
        int significant = 0;
        while (i < to && isDigit(c = s.charAt(i))) {
            int digit = c - '0';
            if (exact) {
                if (integer < Long.MIN_VALUE / 10 || (integer == Long.MIN_VALUE / 10 && digit > 8)) {
                    exact = false;
                } else {
                    integer = integer * 10 - digit;
                }
            }
            if (significant > 0 || digit != 0) {
                if (significant < MAX_MANTISSA_DIGITS) {
                    mantissa = mantissa * 10 + digit;
                }
                significant++;
            }
            i++;
        }
        int intEnd = i;
        boolean decimal = false;
        int fractionDigits = 0;
        if (i < to && ((c = s.charAt(i)) == '.' || c == ',')) {
            decimal = true;
            i++;
            while (i < to && isDigit(c = s.charAt(i))) {
                int digit = c - '0';
                if (significant > 0 || digit != 0) {
                    if (significant < MAX_MANTISSA_DIGITS) {
                        mantissa = mantissa * 10 + digit;
                    }
                    significant++;
                }
                fractionDigits++;
                i++;
            }
        }
        if (intEnd == intStart && fractionDigits == 0) {
            return null;
        }
        long exponent = 0;
        if (i < to && ((c = s.charAt(i)) == 'e' || c == 'E')) {
            decimal = true;
            i++;
            boolean negativeExponent = false;
            if (i < to && ((c = s.charAt(i)) == '+' || c == '-')) {
                negativeExponent = c == '-';
                i++;
            }
            int expStart = i;
            while (i < to && isDigit(c = s.charAt(i))) {
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
        if (!isUnit(s, numberEnd, to)) {
            return null;
        }
        if (!decimal) {
            if (significant > MAX_INTEGER_DIGITS) {
                return null;
            }
            if (exact && (negative || integer != Long.MIN_VALUE)) {
                return new IntegerValue(negative ? integer : -integer);
            }
            return new BigIntegerValue(new BigInteger(s.substring(negative ? from : intStart, intEnd)));
        }
        double value;
        if (significant > MAX_MANTISSA_DIGITS) {
            value = parseDouble(s, from, numberEnd);
        } else {
            value = fastDouble(mantissa, exponent - fractionDigits);
            if (Double.isNaN(value)) {
                value = parseDouble(s, from, numberEnd);
            }
        }
        if (Double.isInfinite(value)) {
            return null;
        }
        return new DecimalValue(negative ? -value : value);
    }

    /** The exactly rounded {@code mantissa * 10^exponent}, or NaN when one operation cannot give it. */
    private static double fastDouble(long mantissa, long exponent) {
        if (mantissa == 0) {
            return 0.0;
        }
        if (mantissa > MAX_EXACT_MANTISSA || exponent < -22 || exponent > 22) {
            return Double.NaN;
        }
        return exponent < 0 ? mantissa / POWERS_OF_TEN[(int) -exponent] : mantissa * POWERS_OF_TEN[(int) exponent];
    }

    /** The JDK's correctly rounded reading, on the unsigned digits with '.' as separator. */
    private static double parseDouble(String s, int from, int to) {
        char sign = s.charAt(from);
        int start = sign == '-' || sign == '+' ? from + 1 : from;
        return Double.parseDouble(s.substring(start, to).replace(',', '.'));
    }

    private static boolean isUnit(String s, int from, int to) {
        switch (to - from) {
            case 0:
                return true;
            case 1: {
                char c = lower(s.charAt(from));
                return c == 'w' || c == 'v' || c == 'a';
            }
            case 2: {
                char c0 = lower(s.charAt(from));
                char c1 = lower(s.charAt(from + 1));
                return (c0 == 'v' && c1 == 'a') || (c0 == 'h' && c1 == 'z');
            }
            case 3: {
                char c0 = lower(s.charAt(from));
                char c1 = lower(s.charAt(from + 1));
                char c2 = lower(s.charAt(from + 2));
                return (c0 == 'v' && c1 == 'a' && c2 == 'r') || (c0 == 'r' && c1 == 'a' && c2 == 'd');
            }
            default:
                return false;
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
