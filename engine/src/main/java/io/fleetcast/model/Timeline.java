package io.fleetcast.model;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The periods of a scenario: calendar periods in UTC from the scenario start, each with its true length
 * in hours (a February has 672 or 696, a year 8,760 or 8,784). The last period ends at the horizon and
 * may be partial.
 *
 * <p>Period {@code i} is {@code [periodStart(i), periodEnd(i))}. Boundary {@code k} is the scenario start
 * plus {@code k} steps, computed from the start (not by repeated addition), so a monthly timeline from
 * 2024-01-31 has its boundaries on the last day of each month. Hours are offsets from the scenario start
 * ({@link #startHour(int)}); {@code boundaryHour(k)} for {@code k = 0..periods()} are ascending with
 * {@code boundaryHour(0) = 0} and {@code boundaryHour(periods()) = totalHours()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Timeline {

    private static final double NANOS_PER_HOUR = 3.6e12;

    private final LocalDateTime start;
    private final LocalDateTime end;
    private final Step step;
    private final LocalDateTime[] boundaries;
    private final double[] boundaryHours;

    private Timeline(LocalDateTime start, LocalDateTime end, Step step) {
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.step = Objects.requireNonNull(step, "step");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("timeline end " + end + " must be after its start " + start);
        }
        List<LocalDateTime> b = new ArrayList<>();
        b.add(start);
        for (long k = 1; ; k++) {
            LocalDateTime next = advance(start, step, k);
            if (!next.isBefore(end)) {
                b.add(end);
                break;
            }
            b.add(next);
        }
        this.boundaries = b.toArray(new LocalDateTime[0]);
        this.boundaryHours = new double[boundaries.length];
        for (int k = 0; k < boundaries.length; k++) {
            boundaryHours[k] = hoursBetween(start, boundaries[k]);
        }
    }

    /**
     * The timeline from {@code start} to {@code end} in steps of {@code step}.
     *
     * @param start first instant (UTC)
     * @param end   end of the horizon (UTC), after {@code start}
     * @param step  period length
     * @return the timeline
     * @throws IllegalArgumentException when {@code end} is not after {@code start}
     */
    public static Timeline of(LocalDateTime start, LocalDateTime end, Step step) {
        return new Timeline(start, end, step);
    }

    /**
     * The timeline of a scenario: from its start to its end in its step.
     *
     * @param scenario the scenario
     * @return its timeline
     */
    public static Timeline of(Scenario scenario) {
        return new Timeline(scenario.start(), scenario.end(), scenario.step());
    }

    /**
     * The instant {@code k} steps after {@code from}, calendar-true.
     *
     * @param from the anchor
     * @param step the step
     * @param k    number of steps, may be 0
     * @return {@code from + k * step}
     */
    public static LocalDateTime advance(LocalDateTime from, Step step, long k) {
        return switch (step) {
            case HOUR -> from.plusHours(k);
            case DAY -> from.plusDays(k);
            case WEEK -> from.plusWeeks(k);
            case MONTH -> from.plusMonths(k);
            case QUARTER -> from.plusMonths(3 * k);
            case YEAR -> from.plusYears(k);
        };
    }

    /**
     * Exact hours from {@code a} to {@code b} (negative when {@code b} is before {@code a}).
     *
     * @param a from
     * @param b to
     * @return hours, with nanosecond resolution
     */
    public static double hoursBetween(LocalDateTime a, LocalDateTime b) {
        Duration d = Duration.between(a, b);
        return d.getSeconds() / 3600.0 + d.getNano() / NANOS_PER_HOUR;
    }

    /** Number of periods, at least 1. */
    public int periods() {
        return boundaries.length - 1;
    }

    /** The step (period length) of the timeline. */
    public Step step() {
        return step;
    }

    /** The first instant of the first period (the scenario start). */
    public LocalDateTime start() {
        return start;
    }

    /** The end of the last period (the scenario horizon). */
    public LocalDateTime end() {
        return end;
    }

    /**
     * First instant of period {@code i} (UTC).
     *
     * @param i period index in {@code [0, periods())}
     * @return the start of the period
     */
    public LocalDateTime periodStart(int i) {
        checkPeriod(i);
        return boundaries[i];
    }

    /**
     * End (exclusive) of period {@code i} (UTC); the horizon for the last period.
     *
     * @param i period index in {@code [0, periods())}
     * @return the end of the period
     */
    public LocalDateTime periodEnd(int i) {
        checkPeriod(i);
        return boundaries[i + 1];
    }

    /**
     * Length of period {@code i} in hours, calendar-true; the last period may be shorter than a step.
     *
     * @param i period index
     * @return hours, positive
     */
    public double hours(int i) {
        checkPeriod(i);
        return boundaryHours[i + 1] - boundaryHours[i];
    }

    /**
     * Offset of the start of period {@code i} from the scenario start, in hours.
     *
     * @param i period index
     * @return hours, 0 for the first period
     */
    public double startHour(int i) {
        checkPeriod(i);
        return boundaryHours[i];
    }

    /**
     * Offset of the end of period {@code i} from the scenario start, in hours.
     *
     * @param i period index
     * @return hours
     */
    public double endHour(int i) {
        checkPeriod(i);
        return boundaryHours[i + 1];
    }

    /**
     * Offset of the midpoint of period {@code i} from the scenario start, in hours (used to discount).
     *
     * @param i period index
     * @return hours
     */
    public double midHour(int i) {
        checkPeriod(i);
        return 0.5 * (boundaryHours[i] + boundaryHours[i + 1]);
    }

    /** Length of the whole horizon in hours. */
    public double totalHours() {
        return boundaryHours[boundaryHours.length - 1];
    }

    /**
     * The offset in hours of an instant from the scenario start.
     *
     * @param instant any instant (UTC)
     * @return hours, negative before the start
     */
    public double hourOf(LocalDateTime instant) {
        return hoursBetween(start, instant);
    }

    /**
     * The period that contains the given offset: the {@code i} with {@code startHour(i) <= hour < endHour(i)}.
     *
     * @param hour offset from the scenario start, in {@code [0, totalHours())}
     * @return the period index
     * @throws IllegalArgumentException when the offset is outside the horizon
     */
    public int periodOf(double hour) {
        if (!(hour >= 0) || hour >= totalHours()) {
            throw new IllegalArgumentException("hour " + hour + " is outside the horizon [0, " + totalHours() + ")");
        }
        int k = Arrays.binarySearch(boundaryHours, hour);
        return k >= 0 ? k : -k - 2;
    }

    /**
     * The fraction of period {@code periodOf(hour)} that has elapsed at {@code hour}, in [0, 1).
     *
     * @param hour offset from the scenario start, inside the horizon
     * @return the elapsed fraction of its period
     */
    public double fractionOf(double hour) {
        int i = periodOf(hour);
        return (hour - boundaryHours[i]) / (boundaryHours[i + 1] - boundaryHours[i]);
    }

    /** The boundary offsets in hours, {@code periods() + 1} ascending values from 0 to {@link #totalHours()} (a copy). */
    public double[] boundaryHours() {
        return boundaryHours.clone();
    }

    private void checkPeriod(int i) {
        if (i < 0 || i >= boundaries.length - 1) {
            throw new IndexOutOfBoundsException("period " + i + " outside [0, " + (boundaries.length - 1) + ")");
        }
    }

    /** Two timelines are equal when they have the same start, end and step (and therefore the same periods). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Timeline t && start.equals(t.start) && end.equals(t.end) && step == t.step;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, step);
    }

    @Override
    public String toString() {
        return "Timeline[" + start + " .. " + end + ", " + step.name().toLowerCase(java.util.Locale.ROOT)
                + ", " + periods() + " periods]";
    }
}
