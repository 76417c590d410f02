package io.energysensors.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DateTimesTests {

    @Test
    void countsEpochDaysAsLocalDateDoesForEveryDayOfYears0000To9999() {
        LocalDate last = LocalDate.of(9999, 12, 31);
        LocalDate firstMismatch = null;
        for (LocalDate date = LocalDate.of(0, 1, 1);
                firstMismatch == null && !date.isAfter(last);
                date = date.plusDays(1)) {
            if (DateTimes.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) != date.toEpochDay()) {
                firstMismatch = date;
            }
        }
        assertThat(firstMismatch).as("first date counted differently").isNull();
    }
}
