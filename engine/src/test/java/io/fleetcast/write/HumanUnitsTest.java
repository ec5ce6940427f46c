package io.fleetcast.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetcast.write.HumanUnits.Dimension;
import org.junit.jupiter.api.Test;

class HumanUnitsTest {

    @Test
    void format_sixThousandMw_isSixGw() {
        // 6000 MW / 1000 = 6 GW, three significant digits
        assertEquals("6.00 GW", HumanUnits.format(6000, Dimension.POWER_MW));
    }

    @Test
    void format_energyInMwh_usesTwhAndGwh() {
        // 52.6e6 MWh / 1e6 = 52.6 TWh; 412,000 MWh / 1e3 = 412 GWh
        assertEquals("52.6 TWh", HumanUnits.format(52.6e6, Dimension.ENERGY_MWH));
        assertEquals("412 GWh", HumanUnits.format(412_000, Dimension.ENERGY_MWH));
    }

    @Test
    void format_money_dollarPrefixAndBillions() {
        // 38e9 USD = $38.0B; -1.5e6 USD = -$1.50M
        assertEquals("$38.0B", HumanUnits.format(38e9, Dimension.USD));
        assertEquals("-$1.50M", HumanUnits.format(-1.5e6, Dimension.USD));
        assertEquals("$950", HumanUnits.format(950, Dimension.USD));
    }

    @Test
    void format_carbonInTonnes_usesMegatonnes() {
        // 12,345,678 t / 1e6 = 12.3 MtCO2e
        assertEquals("12.3 MtCO2e", HumanUnits.format(12_345_678, Dimension.CO2_T));
    }

    @Test
    void format_justBelowThousand_roundsUpIntoTheNextUnit() {
        // 999.7 MW would print as "1000 MW"; it is 0.9997 GW = "1.00 GW"
        assertEquals("1.00 GW", HumanUnits.format(999.7, Dimension.POWER_MW));
        assertEquals("999 MW", HumanUnits.format(999.4, Dimension.POWER_MW));
    }

    @Test
    void format_zeroAndNaN_baseUnitAndNa() {
        assertEquals("0 MW", HumanUnits.format(0, Dimension.POWER_MW));
        assertEquals("n/a", HumanUnits.format(Double.NaN, Dimension.USD));
    }

    @Test
    void formatMetric_nameSuffix_choosesDimension() {
        assertEquals("1.79 M", HumanUnits.formatMetric(1_793_103, "active"));
        assertEquals("2.50 ZFLOP", HumanUnits.formatMetric(2500, "compute_eflop"));
        // 3.946e12 EFLOP = 3.946e30 FLOP: beyond the known prefixes, a power of ten
        assertEquals("3.95e30 FLOP", HumanUnits.formatMetric(3.946e12, "compute_eflop"));
        assertEquals("3.00 ktCO2e", HumanUnits.formatMetric(3000, "co2_embodied_t"));
        assertEquals(Dimension.ENERGY_MWH, Dimension.ofMetric("energy_mwh"));
        assertEquals(Dimension.POWER_MW, Dimension.ofMetric("it_power_mw"));
    }

    @Test
    void count_largeNumber_thousandsSeparators() {
        assertEquals("1,793,103", HumanUnits.count(1_793_103.4));
    }

    @Test
    void significant_smallFraction_keepsThreeDigits() {
        // 0.01234: two leading zeros after the point, then 3 digits
        assertEquals("0.0123", HumanUnits.significant(0.01234));
        assertEquals("0.500", HumanUnits.significant(0.5));
        assertEquals("12345", HumanUnits.significant(12345.4));
    }

    @Test
    void scaleFor_largestValueOfASeries_oneUnitForTheAxis() {
        HumanUnits.Scale s = HumanUnits.scaleFor(Dimension.USD, 2.4e9);
        assertEquals("$B", s.label());
        assertEquals(0.5, s.apply(5e8));
    }
}
