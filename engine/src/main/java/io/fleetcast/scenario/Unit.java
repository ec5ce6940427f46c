package io.fleetcast.scenario;

import java.util.List;

import java.util.ArrayList;

import io.fleetcast.model.Dimension;

import java.math.BigDecimal;

/**
 * The closed set of units a scenario may use, each with its dimension and its exact factor to the
 * dimension's base unit (see {@code docs/scenario-format.md}). The factor is a ratio of two decimals
 * so conversions are exact before the single rounding to {@code double}: {@code 14.8 d} is exactly
 * 355.2 h, {@code 90 s} exactly 0.025 h.
 *
 * <p>Calendar units ({@code months}, {@code years}) have no fixed length: {@link Quantity} resolves
 * them against an anchor date when the field has one, and with {@link io.fleetcast.model.Units#HOURS_PER_MONTH}
 * and {@link io.fleetcast.model.Units#HOURS_PER_YEAR} otherwise.
 */
public enum Unit {
    /** A number without a unit (dimensionless fields). */
    PLAIN("", Dimension.NUMBER, "1", "1", 0),

    /** Second. */
    SECOND("s", Dimension.DURATION, "1", "3600", 0),
    /** Minute. */
    MINUTE("min", Dimension.DURATION, "1", "60", 0),
    /** Hour, the base unit of time. */
    HOUR("h", Dimension.DURATION, "1", "1", 0),
    /** Day of 24 h (UTC has no daylight saving). */
    DAY("d", Dimension.DURATION, "24", "1", 0),
    /** Week of 168 h. */
    WEEK("w", Dimension.DURATION, "168", "1", 0),
    /** Calendar months; 730.5 h where there is no anchor. */
    MONTHS("months", Dimension.DURATION, "730.5", "1", 1),
    /** Singular spelling of {@link #MONTHS}. */
    MONTH("month", Dimension.DURATION, "730.5", "1", 1),
    /** Calendar years; 8,766 h where there is no anchor. */
    YEARS("years", Dimension.DURATION, "8766", "1", 12),
    /** Singular spelling of {@link #YEARS}. */
    YEAR("year", Dimension.DURATION, "8766", "1", 12),
    /** Short spelling of {@link #YEARS}. */
    Y("y", Dimension.DURATION, "8766", "1", 12),

    /** Watt, the base unit of power. */
    W("W", Dimension.POWER, "1", "1", 0),
    /** Kilowatt. */
    KW("kW", Dimension.POWER, "1e3", "1", 0),
    /** Megawatt. */
    MW("MW", Dimension.POWER, "1e6", "1", 0),
    /** Gigawatt. */
    GW("GW", Dimension.POWER, "1e9", "1", 0),

    /** Watt-hour, the base unit of energy. */
    WH("Wh", Dimension.ENERGY, "1", "1", 0),
    /** Kilowatt-hour. */
    KWH("kWh", Dimension.ENERGY, "1e3", "1", 0),
    /** Megawatt-hour. */
    MWH("MWh", Dimension.ENERGY, "1e6", "1", 0),
    /** Gigawatt-hour. */
    GWH("GWh", Dimension.ENERGY, "1e9", "1", 0),
    /** Terawatt-hour. */
    TWH("TWh", Dimension.ENERGY, "1e12", "1", 0),

    /** US dollar. */
    USD("USD", Dimension.MONEY, "1", "1", 0),

    /** US dollars per accelerator-hour. */
    USD_PER_H("USD/h", Dimension.PRICE_PER_HOUR, "1", "1", 0),

    /** US dollars per MWh, the base unit of energy price. */
    USD_PER_MWH("USD/MWh", Dimension.ENERGY_PRICE, "1", "1", 0),
    /** US dollars per kWh. */
    USD_PER_KWH("USD/kWh", Dimension.ENERGY_PRICE, "1000", "1", 0),

    /** US dollars per MW of capacity, the base unit of capacity price. */
    USD_PER_MW("USD/MW", Dimension.CAPACITY_PRICE, "1", "1", 0),
    /** US dollars per kW of capacity. */
    USD_PER_KW("USD/kW", Dimension.CAPACITY_PRICE, "1000", "1", 0),

    /** Grams per kWh, the base unit of carbon intensity. */
    G_PER_KWH("g/kWh", Dimension.CARBON_INTENSITY, "1", "1", 0),
    /** Kilograms per MWh (equal to g/kWh). */
    KG_PER_MWH("kg/MWh", Dimension.CARBON_INTENSITY, "1", "1", 0),
    /** Tonnes per GWh (equal to g/kWh). */
    T_PER_GWH("t/GWh", Dimension.CARBON_INTENSITY, "1", "1", 0),
    /** Grams CO2e per kWh. */
    GCO2E_PER_KWH("gCO2e/kWh", Dimension.CARBON_INTENSITY, "1", "1", 0),

    /** Gram. */
    G("g", Dimension.MASS, "1e-3", "1", 0),
    /** Kilogram, the base unit of mass. */
    KG("kg", Dimension.MASS, "1", "1", 0),
    /** Tonne. */
    T("t", Dimension.MASS, "1000", "1", 0),
    /** Kilograms CO2e. */
    KGCO2E("kgCO2e", Dimension.MASS, "1", "1", 0),
    /** Tonnes CO2e. */
    TCO2E("tCO2e", Dimension.MASS, "1000", "1", 0),

    /** Percent per year. */
    PERCENT_PER_YEAR("%/year", Dimension.YEARLY_RATE, "0.01", "1", 0),
    /** Fraction per year, the base unit of yearly rates. */
    PER_YEAR("1/year", Dimension.YEARLY_RATE, "1", "1", 0),

    /** Percent of a fraction. */
    PERCENT("%", Dimension.FRACTION, "0.01", "1", 0),

    /** Dense TFLOP/s, the base unit of compute. */
    TFLOPS("TFLOPS", Dimension.COMPUTE, "1", "1", 0),
    /** Dense PFLOP/s. */
    PFLOPS("PFLOPS", Dimension.COMPUTE, "1000", "1", 0),

    /** Gigabyte, the base unit of memory. */
    GB("GB", Dimension.MEMORY, "1", "1", 0),
    /** Terabyte (1000 GB). */
    TB("TB", Dimension.MEMORY, "1000", "1", 0);

    private final String symbol;
    private final Dimension dimension;
    private final BigDecimal numerator;
    private final BigDecimal denominator;
    private final int calendarMonths;
    private final boolean multipliesOnly;

    Unit(String symbol, Dimension dimension, String numerator, String denominator, int calendarMonths) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.numerator = new BigDecimal(numerator);
        this.denominator = new BigDecimal(denominator);
        this.calendarMonths = calendarMonths;
        this.multipliesOnly = this.denominator.compareTo(BigDecimal.ONE) == 0;
    }

    /** The symbol as written in files, e.g. {@code USD/MWh}; empty for {@link #PLAIN}. */
    public String symbol() {
        return symbol;
    }

    /** What the unit measures. */
    public Dimension dimension() {
        return dimension;
    }

    /** Numerator of the exact factor to the base unit. */
    BigDecimal numerator() {
        return numerator;
    }

    /** Denominator of the exact factor to the base unit. */
    BigDecimal denominator() {
        return denominator;
    }

    /** Whether the denominator is 1, so that converting to the base unit is an exact multiplication. */
    boolean multipliesOnly() {
        return multipliesOnly;
    }

    /** Months per unit for calendar units (1 for months, 12 for years), 0 for fixed-length units. */
    public int calendarMonths() {
        return calendarMonths;
    }

    /** Whether the unit's length depends on the calendar (months, years). */
    public boolean isCalendar() {
        return calendarMonths > 0;
    }

    /** The factor to the base unit as a double (for display; conversions use the exact ratio). */
    public double factor() {
        return numerator.doubleValue() / denominator.doubleValue();
    }

    /** The unit written {@code symbol}, exact match, or {@code null} when there is none. */
    public static Unit bySymbol(String symbol) {
        for (Unit u : values()) {
            if (u.symbol.equals(symbol)) {
                return u;
            }
        }
        return null;
    }

    /** Whether a quantity written in {@code unit} is accepted where {@code dimension} is expected. */
    public static boolean accepts(Dimension dimension, Unit unit) {
        return unit.dimension() == dimension || (dimension == Dimension.FRACTION && unit == Unit.PLAIN);
    }

    /** The unit symbols accepted for a dimension, in the order of the format doc. */
    public static List<String> symbols(Dimension dimension) {
        List<String> out = new ArrayList<>();
        for (Unit u : Unit.values()) {
            if (accepts(dimension, u)) {
                out.add(u == Unit.PLAIN ? "a plain number" : u.symbol());
            }
        }
        return out;
    }

    /** A dimension and its accepted units, for error messages: "a power (W, kW, MW, GW)". */
    public static String expectation(Dimension dimension) {
        if (dimension == Dimension.NUMBER) {
            return "a plain number without a unit";
        }
        return dimension.description() + " (" + String.join(", ", symbols(dimension)) + ")";
    }
}
