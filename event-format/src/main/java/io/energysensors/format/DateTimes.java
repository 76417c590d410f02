package io.energysensors.format;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Recognises the only date-times docs/format.md calls unambiguous, hand-written so that a value that
 * is not one costs a few character tests rather than an exception:
 * <ul>
 * <li>ISO-8601: {@code yyyy-M-d} (month and day may be unpadded), {@code ' '} or {@code 'T'},
 * {@code H:mm}, optional {@code :ss} and {@code .fraction} (1 to 9 digits), optional zone
 * {@code Z}, {@code +hh:mm}, {@code +hhmm} or {@code +hh}; no zone means UTC.</li>
 * <li>RFC 1123 as {@code DateTimeFormatter.RFC_1123_DATE_TIME} reads it:
 * {@code [Www, ]d Mon yyyy HH:mm[:ss] GMT|+hhmm}, names in any case; a day of week must agree
 * with the date.</li>
 * </ul>
 * A date alone, a time alone, or a date-time whose instant falls outside years 0000-9999 (which
 * {@link Instant#toString()} would write in a form nothing reads back) is not a timestamp.
 */
final class DateTimes {

    private static final long MIN_EPOCH_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long MAX_EPOCH_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400L - 1;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    private DateTimes() {}

    /** The instant {@code s[from, to)} denotes, or null when it is not an unambiguous date-time. */
    static Instant parse(char[] s, int from, int to) {
        if (to - from < 12) {
            return null;
        }
        char first = s[from];
        if (isDigit(first)) {
            if (s[from + 4] == '-') {
                return new Reader(s, from, to).iso();
            }
            return new Reader(s, from, to).rfc1123();
        }
        if (isLetter(first)) {
            return new Reader(s, from, to).rfc1123();
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** A cursor over one candidate; every method returns -1 (or null) once the text stops fitting. */
    private static final class Reader {

        private final char[] s;
        private final int to;
        private int pos;
        private int hour;
        private int minute;
        private int second;
        private int nanos;

        Reader(char[] s, int from, int to) {
            this.s = s;
            this.pos = from;
            this.to = to;
        }

        Instant iso() {
            int year = digits(4, 4);
            if (year < 0 || !accept('-')) {
                return null;
            }
            int month = digits(1, 2);
            if (month < 0 || !accept('-')) {
                return null;
            }
            int day = digits(1, 2);
            if (day < 0 || !(accept(' ') || accept('T')) || !time(1, true)) {
                return null;
            }
            int offset = isoOffset();
            if (offset == Integer.MIN_VALUE || pos != to) {
                return null;
            }
            return instant(year, month, day, hour, minute, second, nanos, offset);
        }

        Instant rfc1123() {
            int weekday = -1;
            if (isLetter(s[pos])) {
                weekday = name(WEEKDAYS);
                if (weekday < 0 || !accept(',') || !accept(' ')) {
                    return null;
                }
            }
            int day = digits(1, 2);
            if (day < 0 || !accept(' ')) {
                return null;
            }
            int month = name(MONTHS) + 1;
            if (month < 1 || !accept(' ')) {
                return null;
            }
            int year = digits(4, 4);
            if (year < 0 || !accept(' ') || !time(2, false) || !accept(' ')) {
                return null;
            }
            int offset = rfcOffset();
            if (offset == Integer.MIN_VALUE || pos != to) {
                return null;
            }
            Instant instant = instant(year, month, day, hour, minute, second, nanos, offset);
            if (instant == null
                    || (weekday >= 0
                            && LocalDate.of(year, month, day).getDayOfWeek().ordinal() != weekday)) {
                return null;
            }
            return instant;
        }

        /**
         * {@code H:mm[:ss[.fraction]]} (hours of {@code minHourDigits} to 2 digits, the fraction
         * only if allowed) into the time fields; false once the text stops fitting.
         */
        private boolean time(int minHourDigits, boolean withFraction) {
            hour = digits(minHourDigits, 2);
            if (hour < 0 || !accept(':')) {
                return false;
            }
            minute = digits(2, 2);
            if (minute < 0) {
                return false;
            }
            if (accept(':')) {
                second = digits(2, 2);
                if (second < 0) {
                    return false;
                }
                if (withFraction && accept('.')) {
                    nanos = fraction();
                    return nanos >= 0;
                }
            }
            return true;
        }

        /** Seconds east of UTC; 0 when absent; MIN_VALUE when malformed. */
        private int isoOffset() {
            if (pos == to) {
                return 0;
            }
            if (accept('Z')) {
                return 0;
            }
            int sign = sign();
            if (sign == 0) {
                return Integer.MIN_VALUE;
            }
            int hours = digits(2, 2);
            if (hours < 0) {
                return Integer.MIN_VALUE;
            }
            int minutes = 0;
            if (pos < to) {
                accept(':');
                minutes = digits(2, 2);
                if (minutes < 0) {
                    return Integer.MIN_VALUE;
                }
            }
            return offsetSeconds(sign, hours, minutes);
        }

        private int rfcOffset() {
            if (acceptIgnoreCase("gmt")) {
                return 0;
            }
            int sign = sign();
            if (sign == 0) {
                return Integer.MIN_VALUE;
            }
            int hours = digits(2, 2);
            int minutes = digits(2, 2);
            if (hours < 0 || minutes < 0) {
                return Integer.MIN_VALUE;
            }
            return offsetSeconds(sign, hours, minutes);
        }

        private static int offsetSeconds(int sign, int hours, int minutes) {
            int seconds = hours * 3600 + minutes * 60;
            if (minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
                return Integer.MIN_VALUE;
            }
            return sign * seconds;
        }

        private int sign() {
            if (accept('+')) {
                return 1;
            }
            if (accept('-')) {
                return -1;
            }
            return 0;
        }

        /** An unsigned number of {@code min..max} digits, or -1. */
        private int digits(int min, int max) {
            int value = 0;
            int count = 0;
            while (count < max && pos < to && isDigit(s[pos])) {
                value = value * 10 + (s[pos] - '0');
                pos++;
                count++;
            }
            return count < min ? -1 : value;
        }

        /** 1 to 9 fraction digits as nanoseconds, or -1; more digits would need rounding. */
        private int fraction() {
            int start = pos;
            int nanos = digits(1, 9);
            if (nanos < 0 || (pos < to && isDigit(s[pos]))) {
                return -1;
            }
            for (int i = pos - start; i < 9; i++) {
                nanos *= 10;
            }
            return nanos;
        }

        /** Index of the three-letter name at the cursor, or -1. */
        private int name(String[] names) {
            if (to - pos < 3) {
                return -1;
            }
            for (int i = 0; i < names.length; i++) {
                if (matchesIgnoreCase(names[i])) {
                    pos += 3;
                    return i;
                }
            }
            return -1;
        }

        private boolean acceptIgnoreCase(String word) {
            if (to - pos < word.length() || !matchesIgnoreCase(word)) {
                return false;
            }
            pos += word.length();
            return true;
        }

        private boolean matchesIgnoreCase(String lowerCaseWord) {
            for (int i = 0; i < lowerCaseWord.length(); i++) {
                char c = s[pos + i];
                if (!isLetter(c) || (c | 0x20) != lowerCaseWord.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean accept(char c) {
            if (pos < to && s[pos] == c) {
                pos++;
                return true;
            }
            return false;
        }
    }

    private static Instant instant(
            int year, int month, int day, int hour, int minute, int second, int nanos, int offsetSeconds) {
        if (month < 1
                || month > 12
                || day < 1
                || day > lengthOfMonth(year, month)
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        if (epochSecond < MIN_EPOCH_SECOND || epochSecond > MAX_EPOCH_SECOND) {
            return null;
        }
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /**
     * The day of a valid date counted from 1970-01-01, as {@link LocalDate#toEpochDay()} counts
     * it but without building a LocalDate: Hinnant's days-from-civil, which starts each year in
     * March so that a leap day ends one.
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }
}
