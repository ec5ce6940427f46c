package io.fleetcast;

import io.fleetcast.model.Step;
import io.fleetcast.model.Timeline;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineTest {

    @Test
    void of_monthlyOverLeapYear_calendarTrueHours() {
        Timeline t = Timeline.of(LocalDateTime.of(2028, 1, 1, 0, 0), LocalDateTime.of(2029, 1, 1, 0, 0), Step.MONTH);
        assertEquals(12, t.periods());
        assertEquals(744, t.hours(0));
        // February 2028: 29 d x 24 = 696 h
        assertEquals(696, t.hours(1));
        // 2028: 366 d = 8,784 h
        assertEquals(8784, t.totalHours());
        assertEquals(744 + 696, t.startHour(2));
    }

    @Test
    void of_horizonNotAWholeNumberOfSteps_lastPeriodPartial() {
        // 14.8 d daily: 14 full days and 0.8 d = 19.2 h
        Timeline t = Timeline.of(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 1, 15, 19, 12), Step.DAY);
        assertEquals(15, t.periods());
        assertEquals(19.2, t.hours(14), 1e-12);
        assertEquals(LocalDateTime.of(2020, 1, 15, 19, 12), t.periodEnd(14));
    }

    @Test
    void of_quarterlyAndYearly_stepsFromTheStart() {
        Timeline q = Timeline.of(LocalDateTime.of(2026, 7, 1, 0, 0), LocalDateTime.of(2027, 7, 1, 0, 0), Step.QUARTER);
        assertEquals(4, q.periods());
        // Q3 2026: July + August + September = 31 + 31 + 30 d = 2,208 h
        assertEquals(2208, q.hours(0));
        Timeline y = Timeline.of(LocalDateTime.of(2027, 1, 1, 0, 0), LocalDateTime.of(2029, 1, 1, 0, 0), Step.YEAR);
        assertEquals(8760, y.hours(0));
        assertEquals(8784, y.hours(1));
    }

    @Test
    void periodOf_instantOnABoundary_belongsToThePeriodItStarts() {
        Timeline t = Timeline.of(LocalDateTime.of(2026, 6, 1, 0, 0), LocalDateTime.of(2026, 8, 1, 0, 0), Step.MONTH);
        assertEquals(1, t.periodOf(720));
        assertEquals(0, t.periodOf(719.999));
        // 360 h into July (744 h): fraction 360 / 744
        assertEquals(360.0 / 744, t.fractionOf(720 + 360), 1e-15);
    }

    @Test
    void of_monthlyFromTheThirtyFirst_boundariesComputedFromTheStart() {
        // 2024-01-31 + 1 month = 2024-02-29, + 2 months = 2024-03-31 (not 2024-03-29)
        Timeline t = Timeline.of(LocalDateTime.of(2024, 1, 31, 0, 0), LocalDateTime.of(2024, 4, 30, 0, 0), Step.MONTH);
        assertEquals(LocalDateTime.of(2024, 2, 29, 0, 0), t.periodStart(1));
        assertEquals(LocalDateTime.of(2024, 3, 31, 0, 0), t.periodStart(2));
    }
}
