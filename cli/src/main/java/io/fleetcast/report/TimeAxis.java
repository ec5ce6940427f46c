package io.fleetcast.report;

import io.fleetcast.write.HumanUnits;

import io.fleetcast.model.Timeline;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The x axis of every time chart: where each period sits and how ticks are labelled.
 *
 * <p>Charts use a numeric axis rather than XChart's date axis because the date axis places its ticks
 * at round millisecond spans, not at calendar boundaries, and so labels a tick in December "2026". On a
 * numeric axis of decimal years the library's round tick values (2027, 2027.5) are calendar-meaningful.
 * Horizons shorter than 60 days use days from the start, and shorter than 3 days hours from the start.
 *
 * @param title  axis title
 * @param starts x of each period's start, {@code periods} values
 * @param ends   x of each period's end, {@code periods} values
 * @param labels tick label formatter
 */
public record TimeAxis(String title, double[] starts, double[] ends, Function<Double, String> labels) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ROOT);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The horizon below which the axis counts days rather than years. */
    static final double DAYS_AXIS_BELOW_HOURS = 60 * 24;
    /** The horizon below which the axis counts hours. */
    static final double HOURS_AXIS_BELOW_HOURS = 3 * 24;

    /**
     * The axis of a timeline.
     *
     * @param timeline the periods
     * @return the axis
     */
    public static TimeAxis of(Timeline timeline) {
        int n = timeline.periods();
        double[] starts = new double[n];
        double[] ends = new double[n];
        double total = timeline.totalHours();
        if (total < DAYS_AXIS_BELOW_HOURS) {
            double unit = total < HOURS_AXIS_BELOW_HOURS ? 1 : 24;
            for (int i = 0; i < n; i++) {
                starts[i] = timeline.startHour(i) / unit;
                ends[i] = timeline.endHour(i) / unit;
            }
            String title = (unit == 1 ? "hours" : "days") + " from " + INSTANT.format(timeline.start()) + " UTC";
            return new TimeAxis(title, starts, ends, TimeAxis::plainNumber);
        }
        return ofYears(timeline);
    }

    /**
     * The axis of a timeline in decimal years whatever its length, so timelines of different lengths
     * share one scale (the comparison of scenarios).
     *
     * @param timeline the periods
     * @return the axis
     */
    public static TimeAxis ofYears(Timeline timeline) {
        int n = timeline.periods();
        double[] starts = new double[n];
        double[] ends = new double[n];
        for (int i = 0; i < n; i++) {
            starts[i] = decimalYear(timeline.periodStart(i));
            ends[i] = decimalYear(timeline.periodEnd(i));
        }
        return new TimeAxis("", starts, ends, TimeAxis::yearLabel);
    }

    /** Midpoint of each period: where a per-period value (an average or an integral) is plotted. */
    public double[] mids() {
        double[] m = new double[starts.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = 0.5 * (starts[i] + ends[i]);
        }
        return m;
    }

    /** The year plus the elapsed fraction of it, e.g. 2026-07-01 is 2026 + 181/365. */
    static double decimalYear(LocalDateTime t) {
        int y = t.getYear();
        LocalDateTime start = LocalDateTime.of(y, 1, 1, 0, 0);
        double hoursInYear = Year.isLeap(y) ? 8784 : 8760;
        return y + Timeline.hoursBetween(start, t) / hoursInYear;
    }

    /** "2027" on a year boundary, otherwise the month the tick falls in ("Jul 2026"). */
    static String yearLabel(Double x) {
        double v = x;
        long year = Math.round(v);
        if (Math.abs(v - year) < 1e-6) {
            return Long.toString(year);
        }
        int y = (int) Math.floor(v);
        double hoursInYear = Year.isLeap(y) ? 8784 : 8760;
        long seconds = Math.round((v - y) * hoursInYear * 3600);
        LocalDateTime t = LocalDateTime.of(y, 1, 1, 0, 0).plusSeconds(seconds);
        return MONTH.format(t.plusHours(12)); // ticks a few hours before a month start belong to that month
    }

    private static String plainNumber(Double x) {
        double v = x;
        return v == Math.rint(v) ? Long.toString((long) v) : HumanUnits.significant(v);
    }
}
