package io.fleetcast.scenario;

import io.fleetcast.model.Dimension;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with a unit as written in a file ({@code 6 GW}, {@code 55 USD/MWh}, {@code 0.7}), kept exact
 * until it is converted to its base unit.
 *
 * <p>Calendar durations resolve against an anchor when the field has one ({@link #hoursFrom}): whole
 * months are calendar months ({@code 6 months} from 2026-07-01 is 4,416 h, to 2027-01-01), a
 * fractional remainder counts {@link io.fleetcast.model.Units#HOURS_PER_MONTH} hours per month, and years
 * are twelve months. Without an anchor ({@link #base()}) a month is 730.5 h and a year 8,766 h.
 *
 * @param number the number exactly as written
 * @param unit   its unit; {@link Unit#PLAIN} for a bare number
 */
public record Quantity(BigDecimal number, Unit unit) {

    private static final Pattern SYNTAX = Pattern.compile(
            "([+-]?(?:\\d(?:_?\\d)*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)");
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730.5");

    /** Checks that no part is null. */
    public Quantity {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * Reads a quantity: a number (digits, optional {@code _} between digits, optional fraction and
     * exponent), optional spaces, and a unit symbol of the closed set, or nothing for a plain number.
     *
     * @param text the text as written in the file
     * @return the quantity
     * @throws IllegalArgumentException when the text is not a number, or the unit is not one of the set;
     *                                  the message says which
     */
    public static Quantity parse(String text) {
        String t = text.strip();
        Matcher m = SYNTAX.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a number with a unit");
        }
        BigDecimal number = new BigDecimal(m.group(1).replace("_", "").replace("+", ""));
        String symbol = m.group(2).strip();
        Unit unit = Unit.bySymbol(symbol);
        if (unit == null) {
            throw new IllegalArgumentException("unknown unit '" + symbol + "'");
        }
        Quantity q = new Quantity(number, unit);
        if (!Double.isFinite(q.base())) {
            throw new IllegalArgumentException("number too large");
        }
        return q;
    }

    /** The dimension of the unit. */
    public Dimension dimension() {
        return unit.dimension();
    }

    /**
     * The value in the base unit without a calendar anchor (a month is 730.5 h, a year 8,766 h).
     * Exact up to the final rounding to double.
     */
    public double base() {
        return exactBase().doubleValue();
    }

    private BigDecimal exactBase() {
        BigDecimal product = number.multiply(unit.numerator());
        // Every unit but s and min has denominator 1: the product is then already the base value, and the DECIMAL128
        // division would only round it to 34 digits, which a written number never exceeds. The division was 16 % of the
        // JFR samples of reading the portfolio; without it and the YAML 1.1 tag regexes (YamlText.TextResolver) the
        // read takes 4.4-4.6 ms instead of 5.7-5.8 (ScenarioLoadBenchmark, paired forks, JDK 25, 2 cores).
        if (unit.multipliesOnly() && product.precision() <= MathContext.DECIMAL128.getPrecision()) {
            return product;
        }
        return product.divide(unit.denominator(), MathContext.DECIMAL128);
    }

    /**
     * Hours of this duration counted from {@code anchor}: calendar-true for months and years, the fixed
     * length otherwise. A negative duration counts backwards from the anchor.
     *
     * @param anchor where the duration starts (UTC)
     * @return the length in hours
     * @throws DateTimeException when the end falls outside the supported range of dates
     */
    public double hoursFrom(LocalDateTime anchor) {
        requireDuration();
        if (!unit.isCalendar()) {
            return base();
        }
        BigDecimal months = number.multiply(BigDecimal.valueOf(unit.calendarMonths()));
        long whole = months.setScale(0, RoundingMode.DOWN).longValueExact();
        BigDecimal fraction = months.subtract(BigDecimal.valueOf(whole));
        LocalDateTime end = anchor.plusMonths(whole);
        BigDecimal calendarHours = BigDecimal.valueOf(Duration.between(anchor, end).getSeconds())
                .divide(SECONDS_PER_HOUR, MathContext.DECIMAL128);
        return calendarHours.add(fraction.multiply(HOURS_PER_MONTH)).doubleValue();
    }

    /**
     * The instant this duration after {@code anchor}: whole months on the calendar, the rest as a fixed
     * number of hours (to the nanosecond).
     *
     * @param anchor where the duration starts (UTC)
     * @return the end instant
     * @throws DateTimeException   when the end falls outside the supported range of dates
     * @throws ArithmeticException when the duration is too long to represent
     */
    public LocalDateTime addTo(LocalDateTime anchor) {
        requireDuration();
        BigDecimal hours;
        LocalDateTime base = anchor;
        if (unit.isCalendar()) {
            BigDecimal months = number.multiply(BigDecimal.valueOf(unit.calendarMonths()));
            long whole = months.setScale(0, RoundingMode.DOWN).longValueExact();
            base = anchor.plusMonths(whole);
            hours = months.subtract(BigDecimal.valueOf(whole)).multiply(HOURS_PER_MONTH);
        } else {
            hours = exactBase();
        }
        BigDecimal seconds = hours.multiply(SECONDS_PER_HOUR);
        BigDecimal wholeSeconds = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(wholeSeconds).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        return base.plusSeconds(wholeSeconds.longValueExact()).plusNanos(nanos);
    }

    private void requireDuration() {
        if (unit.dimension() != Dimension.DURATION) {
            throw new IllegalStateException(this + " is not a duration");
        }
    }

    /** The quantity as it would be written: {@code 6 GW}, {@code 0.7}. */
    @Override
    public String toString() {
        return unit == Unit.PLAIN ? number.toString() : number + " " + unit.symbol();
    }
}
