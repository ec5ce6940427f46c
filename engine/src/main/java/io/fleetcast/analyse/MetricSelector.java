package io.fleetcast.analyse;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Timeline;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One number read from a projection: a metric, for one group, over the horizon, at its peak, in one
 * period or over one calendar year. Written {@code METRIC[@WHEN]} with WHEN one of {@code total} (the
 * default: sum of a flow, hour-weighted average of a level), {@code peak} (highest period value),
 * {@code YYYY-MM} / {@code YYYY-MM-DD} / {@code YYYY-MM-DDTHH:MM} (the period containing that instant), or
 * {@code YYYY} (the periods starting in that year, aggregated like {@code total}).
 *
 * <p>Besides the metrics of {@link Metric}, one derived metric is accepted:
 * {@value #ENERGY_SHARE_OF_TCO}, {@code energy_cost_usd / tco_usd} over the same periods and group (a
 * fraction; not defined at {@code peak}). It answers "what electricity price doubles the energy share of
 * tco" directly, without the user forming the ratio.
 *
 * <p>The group is {@code total} (default), {@code KIND:NAME} with KIND a {@link Grouping} id
 * ({@code deal:aws-openai}, {@code deployment:mi450-first-gw}), or a bare name looked up among
 * deployments, deals, accelerators, vendors, sites and ownerships in that order.
 *
 * <p>Immutable, so one selector may serve as the {@link MonteCarlo.RunProbe} of every worker thread.
 */
public final class MetricSelector implements MonteCarlo.RunProbe {

    /** Name of the derived metric energy_cost_usd / tco_usd. */
    public static final String ENERGY_SHARE_OF_TCO = "energy_share_of_tco";

    /** How the periods are combined. */
    public enum When {
        /** Over the whole horizon. */
        TOTAL,
        /** The highest period value. */
        PEAK,
        /** Over a range of periods. */
        PERIODS
    }

    private final String text;
    private final Metric metric;
    private final boolean energyShare;
    private final Grouping grouping;
    private final String group;
    private final When when;
    private final int fromPeriod;
    private final int toPeriod;

    private MetricSelector(String text, Metric metric, boolean energyShare, Grouping grouping, String group, When when,
                           int fromPeriod, int toPeriod) {
        this.text = text;
        this.metric = metric;
        this.energyShare = energyShare;
        this.grouping = grouping;
        this.group = group;
        this.when = when;
        this.fromPeriod = fromPeriod;
        this.toPeriod = toPeriod;
    }

    /**
     * Parses a selector against a scenario (its timeline and group names).
     *
     * @param spec     {@code METRIC[@WHEN]}, e.g. {@code tco_usd@2027-06}, {@code facility_power_mw@peak}
     * @param group    the group, or null for {@code total}
     * @param scenario the scenario the selector will read projections of
     * @return the selector
     * @throws IllegalArgumentException naming the bad part and what is accepted
     */
    public static MetricSelector parse(String spec, String group, Scenario scenario) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.trim();
        int at = s.indexOf('@');
        String metricName = at < 0 ? s : s.substring(0, at).trim();
        String whenText = at < 0 ? "total" : s.substring(at + 1).trim();
        boolean share = metricName.equalsIgnoreCase(ENERGY_SHARE_OF_TCO);
        Metric metric;
        if (share) {
            metric = Metric.ENERGY_COST_USD;
        } else {
            try {
                metric = Metric.byId(metricName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + ", or " + ENERGY_SHARE_OF_TCO);
            }
        }
        Timeline timeline = Timeline.of(scenario);
        When when;
        int from = 0;
        int to = timeline.periods();
        String w = whenText.toLowerCase(Locale.ROOT);
        if (w.equals("total")) {
            when = When.TOTAL;
        } else if (w.equals("peak")) {
            if (share) {
                throw new IllegalArgumentException(ENERGY_SHARE_OF_TCO + "@peak is not defined: use total, a year or a period");
            }
            when = When.PEAK;
        } else if (w.matches("\\d{4}")) {
            when = When.PERIODS;
            int year = Integer.parseInt(w);
            from = -1;
            for (int p = 0; p < timeline.periods(); p++) {
                if (timeline.periodStart(p).getYear() == year) {
                    if (from < 0) {
                        from = p;
                    }
                    to = p + 1;
                }
            }
            if (from < 0) {
                throw new IllegalArgumentException("'" + spec + "': no period starts in " + year + "; the horizon is "
                        + timeline.start() + " .. " + timeline.end());
            }
        } else {
            when = When.PERIODS;
            LocalDateTime instant = parseInstant(whenText, spec);
            double hour = timeline.hourOf(instant);
            if (!(hour >= 0) || hour >= timeline.totalHours()) {
                throw new IllegalArgumentException("'" + spec + "': " + whenText + " is outside the horizon "
                        + timeline.start() + " .. " + timeline.end());
            }
            from = timeline.periodOf(hour);
            to = from + 1;
        }
        Grouping grouping = Grouping.TOTAL;
        String name = Grouping.TOTAL_GROUP;
        if (group != null && !group.isBlank() && !group.trim().equalsIgnoreCase(Grouping.TOTAL_GROUP)) {
            String g = group.trim();
            int colon = g.indexOf(':');
            if (colon > 0) {
                grouping = Grouping.byId(g.substring(0, colon));
                name = g.substring(colon + 1);
                List<String> names = MonteCarlo.groupsOf(scenario, grouping);
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("group '" + g + "': no " + grouping.id() + " named '" + name
                            + "' (known: " + String.join(", ", names) + ")");
                }
            } else {
                grouping = null;
                Grouping[] order = {Grouping.DEPLOYMENT, Grouping.DEAL, Grouping.ACCELERATOR, Grouping.VENDOR,
                    Grouping.SITE, Grouping.OWNERSHIP};
                for (int i = 0; i < order.length && grouping == null; i++) {
                    if (MonteCarlo.groupsOf(scenario, order[i]).contains(g)) {
                        grouping = order[i];
                    }
                }
                if (grouping == null) {
                    throw new IllegalArgumentException("group '" + g + "' is not a deployment, deal, accelerator, vendor,"
                            + " site or ownership of scenario " + scenario.name() + " (deals: "
                            + String.join(", ", MonteCarlo.groupsOf(scenario, Grouping.DEAL)) + "; deployments: "
                            + String.join(", ", MonteCarlo.groupsOf(scenario, Grouping.DEPLOYMENT)) + ")");
                }
                name = g;
            }
        }
        return new MetricSelector(metricName + "@" + whenText, metric, share, grouping, name, when, from, to);
    }

    private static LocalDateTime parseInstant(String text, String spec) {
        try {
            if (text.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text).atDay(1).atStartOfDay();
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text).atStartOfDay();
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + text
                    + "' is not total, peak, a year (YYYY), a month (YYYY-MM) or a date (YYYY-MM-DD[THH:MM])");
        }
    }

    /** {@return the selector as written, normalized: {@code METRIC@WHEN}} */
    public String text() {
        return text;
    }

    /** {@return the metric's name: a {@link Metric} id or {@value #ENERGY_SHARE_OF_TCO}} */
    public String metricName() {
        return energyShare ? ENERGY_SHARE_OF_TCO : metric.id();
    }

    /** {@return the unit of the value: the metric's unit, or {@code fraction} for the energy share} */
    public String unit() {
        return energyShare ? "fraction" : metric.unit();
    }

    /** {@return the grouping of the group read} */
    public Grouping grouping() {
        return grouping;
    }

    /** {@return the group read} */
    public String group() {
        return group;
    }

    /** {@return the group as {@code KIND:NAME}, or {@code total}} */
    public String groupText() {
        return grouping == Grouping.TOTAL ? Grouping.TOTAL_GROUP : grouping.id() + ":" + group;
    }

    /** {@return how the periods are combined} */
    public When when() {
        return when;
    }

    /**
     * Reads the number from a projection.
     *
     * @param projection a projection of the scenario the selector was parsed against
     * @return the value
     * @throws ArithmeticException when the energy share is asked of a group whose tco is 0
     */
    @Override
    public double value(Projection projection) {
        MetricCube cube = projection.cube(grouping);
        int g = cube.groupIndex(group);
        if (!energyShare) {
            return read(cube, metric, g);
        }
        double energy = read(cube, Metric.ENERGY_COST_USD, g);
        double tco = read(cube, Metric.TCO_USD, g);
        if (tco == 0) {
            throw new ArithmeticException(ENERGY_SHARE_OF_TCO + " of " + groupText() + ": tco_usd is 0");
        }
        return energy / tco;
    }

    private double read(MetricCube cube, Metric m, int g) {
        return switch (when) {
            case TOTAL -> cube.total(m, g);
            case PEAK -> cube.peak(m, g);
            case PERIODS -> cube.aggregate(m, g, fromPeriod, toPeriod);
        };
    }

    @Override
    public String toString() {
        return text + " of " + groupText();
    }
}
