package io.fleetcast.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetcast.model.Scenario;
import org.junit.jupiter.api.Test;

class InputValueTest {

    @Test
    void parse_startGivenAsADate_explainsThatAStartIsADelay() {
        // regression: "--set deployments.own.start=2027-01" failed with "'2027-01' is unknown unit '-01';
        // expected ... a quantity such as '1.5 s'"
        Scenario s = AnalyseFixtures.linear().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputValue.parse("2027-01", InputPath.parse("deployments.own.start", s), s));
        assertTrue(e.getMessage().contains("'3 months' (a start is given as a delay from the deployment's start, not as a date)"),
                e.getMessage());
    }

    @Test
    void parse_startAsMonths_isCalendarHoursFromTheDeploymentStart() {
        // the fixture's deployment starts 2026-01-01: 3 calendar months = January 744 + February 672 + March 744 = 2,160 h
        Scenario s = AnalyseFixtures.linear().build();
        assertEquals(2160, InputValue.parse("3 months", InputPath.parse("deployments.own.start", s), s), 1e-9);
    }

    @Test
    void parse_badDuration_examplesAreMonthsNotSeconds() {
        Scenario s = AnalyseFixtures.linear().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputValue.parse("six", InputPath.parse("accelerators.lin.repair-time", s), s));
        assertTrue(e.getMessage().contains("such as '6 months'"), e.getMessage());
    }
}
