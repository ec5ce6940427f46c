package io.fleetcast.plan;

import io.fleetcast.model.Timeline;

import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The internal time grid the engine accumulates on: the periods of the timeline, split further wherever
 * a rate changes inside a period (the first of each calendar month, because PUE is monthly; each
 * anniversary of the scenario start, because electricity prices and grid intensity change yearly; each
 * anniversary of a leased deployment's start, because its price declines yearly). Inside a cell every rate
 * is constant, so a cell's values are exact products and periods of any step (hour to year) are exact sums
 * of cells. For a monthly timeline starting on the first of a month the cells are the periods.
 *
 * <p>Layout (all offsets in hours from the scenario start):
 * <ul>
 *   <li>{@code bounds[c]} for {@code c = 0..cells}: cell {@code c} is {@code [bounds[c], bounds[c+1])};
 *       {@code bounds[cells + 1] = +infinity} is a sentinel so a search for an instant at or after the
 *       horizon stops at {@code cells}.</li>
 *   <li>{@code period[c]}: the timeline period containing cell {@code c}.</li>
 *   <li>{@code monthOfYear[c]}: 0 = January .. 11 = December.</li>
 *   <li>{@code scenarioYear[c]}: whole years (anniversaries of the start) elapsed at the cell start.</li>
 * </ul>
 * Immutable after construction; the arrays are shared with kernels, which must not modify them.
 */
public final class CellGrid {

    /** Buckets per cell of the instant-to-cell lookup table; 2 keeps the forward scan to about one step. */
    private static final int BUCKETS_PER_CELL = 2;

    /** Number of cells. */
    public final int cells;
    /** Cell boundaries in hours, length {@code cells + 2} (last is +infinity). */
    public final double[] bounds;
    /** Period of each cell, length {@code cells}. */
    public final int[] period;
    /** Calendar month (0-11) of each cell. */
    public final int[] monthOfYear;
    /** Scenario year (anniversaries of the start elapsed) of each cell. */
    public final int[] scenarioYear;
    /** Number of scenario years touched: {@code scenarioYear[cells - 1] + 1}. */
    public final int years;
    /** Horizon length in hours ({@code bounds[cells]}). */
    public final double horizonHours;
    /** Lookup table: {@code bucketCell[b]} is the cell containing {@code b / bucketsPerHour}. */
    final int[] bucketCell;
    /** Buckets per hour of the lookup table. */
    final double bucketsPerHour;
    private final Timeline timeline;

    private CellGrid(Timeline timeline, double[] cellBounds, int[] period, int[] month, int[] year) {
        this.timeline = timeline;
        this.cells = cellBounds.length - 1;
        this.bounds = Arrays.copyOf(cellBounds, cells + 2);
        this.bounds[cells + 1] = Double.POSITIVE_INFINITY;
        this.period = period;
        this.monthOfYear = month;
        this.scenarioYear = year;
        this.years = year[cells - 1] + 1;
        this.horizonHours = cellBounds[cells];
        int buckets = BUCKETS_PER_CELL * cells;
        this.bucketsPerHour = buckets / horizonHours;
        this.bucketCell = new int[buckets + 2];
        int c = 0;
        for (int b = 0; b < bucketCell.length; b++) {
            double t = b / bucketsPerHour;
            while (c < cells && bounds[c + 1] <= t) {
                c++;
            }
            bucketCell[b] = Math.min(c, cells - 1);
        }
    }

    /**
     * The grid of a timeline, split at month starts, scenario anniversaries and the extra instants given.
     *
     * @param timeline   the periods
     * @param extraSplit further instants to split at (e.g. leased deployments' anniversaries), in any order,
     *                   those outside the horizon ignored. Not modified.
     * @return the grid
     */
    public static CellGrid of(Timeline timeline, double[] extraSplit) {
        LocalDateTime start = timeline.start();
        double horizon = timeline.totalHours();
        double[] periodBounds = timeline.boundaryHours();
        // month starts strictly inside the horizon
        double[] months = new double[16];
        int nMonths = 0;
        LocalDateTime m = start.withDayOfMonth(1).toLocalDate().atStartOfDay().plusMonths(1);
        for (; ; m = m.plusMonths(1)) {
            double h = Timeline.hoursBetween(start, m);
            if (h >= horizon) {
                break;
            }
            months = grow(months, nMonths);
            months[nMonths++] = h;
        }
        double[] anniversaries = new double[4];
        int nYears = 0;
        for (int k = 1; ; k++) {
            double h = Timeline.hoursBetween(start, start.plusYears(k));
            if (h >= horizon) {
                break;
            }
            anniversaries = grow(anniversaries, nYears);
            anniversaries[nYears++] = h;
        }
        double[] extra = extraSplit.clone();
        Arrays.sort(extra);
        // merge the four sorted lists, dropping duplicates and anything outside (0, horizon)
        double[] all = new double[periodBounds.length + nMonths + nYears + extra.length];
        int n = 0;
        System.arraycopy(periodBounds, 0, all, n, periodBounds.length);
        n += periodBounds.length;
        System.arraycopy(months, 0, all, n, nMonths);
        n += nMonths;
        System.arraycopy(anniversaries, 0, all, n, nYears);
        n += nYears;
        System.arraycopy(extra, 0, all, n, extra.length);
        n += extra.length;
        Arrays.sort(all, 0, n);
        double[] cellBounds = new double[n];
        int cb = 0;
        for (int i = 0; i < n; i++) {
            double h = all[i];
            if (h < 0 || h > horizon || (cb > 0 && h == cellBounds[cb - 1])) {
                continue;
            }
            cellBounds[cb++] = h;
        }
        cellBounds = Arrays.copyOf(cellBounds, cb);
        int cells = cb - 1;
        int[] period = new int[cells];
        int[] month = new int[cells];
        int[] year = new int[cells];
        int p = 0;
        int mi = 0;
        int yi = 0;
        int month0 = start.getMonthValue() - 1;
        for (int c = 0; c < cells; c++) {
            double t = cellBounds[c];
            while (p + 1 < periodBounds.length - 1 && periodBounds[p + 1] <= t) {
                p++;
            }
            while (mi < nMonths && months[mi] <= t) {
                mi++;
            }
            while (yi < nYears && anniversaries[yi] <= t) {
                yi++;
            }
            period[c] = p;
            month[c] = (month0 + mi) % 12;
            year[c] = yi;
        }
        return new CellGrid(timeline, cellBounds, period, month, year);
    }

    private static double[] grow(double[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    /** The timeline whose periods the cells refine. */
    public Timeline timeline() {
        return timeline;
    }

    /**
     * The cell containing an instant: {@code c} with {@code bounds[c] <= t < bounds[c+1]}; {@code cells} for
     * an instant at or after the horizon. O(1): a bucket lookup and a short scan.
     *
     * @param t hours from the scenario start, at least 0
     * @return the cell index, in {@code [0, cells]}
     */
    public int cellOf(double t) {
        int b = (int) (t * bucketsPerHour);
        if (b >= bucketCell.length) {
            b = bucketCell.length - 1;
        }
        int c = bucketCell[b];
        while (bounds[c + 1] <= t) {
            c++;
        }
        while (c > 0 && bounds[c] > t) {
            c--;
        }
        return c;
    }

    /**
     * Hours of cell {@code c}.
     *
     * @param c cell index
     * @return its length
     */
    public double hours(int c) {
        return bounds[c + 1] - bounds[c];
    }

    /** The lookup table (shared, do not modify); {@code bucketCell[(int) (t * bucketsPerHour())]} is a first guess. */
    public int[] bucketCell() {
        return bucketCell;
    }

    /** Buckets per hour of {@link #bucketCell()}. */
    public double bucketsPerHour() {
        return bucketsPerHour;
    }
}
