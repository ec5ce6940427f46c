package io.fleetcast.analyse;

import io.fleetcast.model.Metric;
import io.fleetcast.model.Summary;

/**
 * The figures of a {@link Summary} as a flat row of cells, so Monte Carlo can band them like cube cells.
 *
 * <p>Layout: {@code [0, Metric.COUNT)} the totals per metric (ordinal order), {@code [Metric.COUNT,
 * 2 Metric.COUNT)} the peaks, then {@link #NPV_CASH_USD}, {@link #SLOT_HOURS},
 * {@link #USD_PER_ACCELERATOR_HOUR}, {@link #USD_PER_EFLOP}, {@link #RESOLVED_ACCELERATORS}.
 */
public final class SummaryCells {

    /** Net present value of cash, USD. */
    public static final int NPV_CASH_USD = 2 * Metric.COUNT;
    /** Contracted accelerator-hours over the horizon. */
    public static final int SLOT_HOURS = NPV_CASH_USD + 1;
    /** tco_usd per accelerator-hour. */
    public static final int USD_PER_ACCELERATOR_HOUR = NPV_CASH_USD + 2;
    /** tco_usd per EFLOP delivered. */
    public static final int USD_PER_EFLOP = NPV_CASH_USD + 3;
    /** Sum of the resolved counts. */
    public static final int RESOLVED_ACCELERATORS = NPV_CASH_USD + 4;
    /** Number of cells. */
    public static final int COUNT = NPV_CASH_USD + 5;

    private SummaryCells() {
    }

    /**
     * The cell of a metric's total over the horizon: the sum of a flow, the hour-weighted horizon average of a level.
     *
     * @param m the metric
     * @return the cell index
     */
    public static int total(Metric m) {
        return m.ordinal();
    }

    /**
     * The cell of a metric's peak period value.
     *
     * @param m the metric
     * @return the cell index
     */
    public static int peak(Metric m) {
        return Metric.COUNT + m.ordinal();
    }

    /**
     * The name of a cell as written in output files: {@code total.tco_usd}, {@code peak.facility_power_mw},
     * {@code npv_cash_usd}, {@code slot_hours}, {@code usd_per_accelerator_hour}, {@code usd_per_eflop},
     * {@code resolved_accelerators}.
     *
     * @param cell a cell index
     * @return its name
     */
    public static String name(int cell) {
        if (cell < Metric.COUNT) {
            return "total." + Metric.ofIndex(cell).id();
        }
        if (cell < 2 * Metric.COUNT) {
            return "peak." + Metric.ofIndex(cell - Metric.COUNT).id();
        }
        return switch (cell - NPV_CASH_USD) {
            case 0 -> "npv_cash_usd";
            case 1 -> "slot_hours";
            case 2 -> "usd_per_accelerator_hour";
            case 3 -> "usd_per_eflop";
            case 4 -> "resolved_accelerators";
            default -> throw new IndexOutOfBoundsException("summary cell " + cell);
        };
    }

    /**
     * The cell of a name written by {@link #name(int)}.
     *
     * @param name a cell name, compared ignoring case
     * @return its index, or -1 when none has that name
     */
    public static int byName(String name) {
        for (int c = 0; c < COUNT; c++) {
            if (name(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Writes a summary's figures into a row.
     *
     * @param s      the summary; not modified
     * @param row    receives {@link #COUNT} values from {@code offset}; modified
     * @param offset first index written
     */
    public static void write(Summary s, double[] row, int offset) {
        for (int m = 0; m < Metric.COUNT; m++) {
            Metric metric = Metric.ofIndex(m);
            row[offset + m] = s.total(metric);
            row[offset + Metric.COUNT + m] = s.peak(metric);
        }
        row[offset + NPV_CASH_USD] = s.npvCashUsd();
        row[offset + SLOT_HOURS] = s.slotHours();
        row[offset + USD_PER_ACCELERATOR_HOUR] = s.usdPerAcceleratorHour();
        row[offset + USD_PER_EFLOP] = s.usdPerEflop();
        row[offset + RESOLVED_ACCELERATORS] = s.resolvedAccelerators();
    }
}
