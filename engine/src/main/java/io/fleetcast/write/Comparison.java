package io.fleetcast.write;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.Projection;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scenarios of one batch side by side: {@code comparison.csv}, one row per scenario, one column per
 * {@link Headline} figure. The report module draws the same figures as {@code comparison.html}.
 */
public final class Comparison {

    /** The leading columns of {@code comparison.csv}, before one column per headline figure. */
    public static final List<String> LEADING_COLUMNS = List.of("scenario", "mode", "statistic", "statistic_method", "runs",
            "start", "end");

    private Comparison() {
    }

    /**
     * Writes {@code comparison.csv}: columns {@link #LEADING_COLUMNS} then every {@link Headline#figure()}
     * (units are in the figure names), one row per scenario in the order given, with the statistic
     * {@code value} (one run) or {@code mean} (Monte Carlo: the totals of the mean cube, and for peaks,
     * NPV, ratios and the resolved accelerators the mean over the runs of each run's figure, see
     * {@link ScenarioResult#value(Headline)}); a scenario whose bands carry summary quantiles adds one row per quantile ({@code p10}, {@code p90}, ...), empty where a figure was not banded.
     * {@code statistic_method} is {@code exact} on every row: summary quantiles are always order statistics
     * of the runs. Values are exact.
     *
     * @param results the scenarios' results
     * @param out     the destination; not closed
     * @throws IOException when writing fails
     */
    public static void writeCsv(List<ScenarioResult> results, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", LEADING_COLUMNS));
        for (Headline h : Headline.ALL) {
            b.append(',').append(h.figure());
        }
        b.append('\n');
        for (ScenarioResult r : results) {
            Projection p = r.projection();
            b.append(Numbers.csv(r.name())).append(',').append(p.mode().id()).append(',').append(r.statistic()).append(",exact,")
                    .append(r.runs()).append(',').append(Numbers.instant(p.timeline().start())).append(',')
                    .append(Numbers.instant(p.timeline().end()));
            for (Headline h : Headline.ALL) {
                b.append(',').append(Numbers.exact(r.value(h)));
            }
            b.append('\n');
            if (r.bands().isPresent() && hasSummaryQuantiles(r.bands().get())) {
                // one more row per quantile; a figure the analysis did not band is left empty
                QuantileBands bands = r.bands().get();
                double[] probabilities = bands.probabilities();
                for (int q = 0; q < probabilities.length; q++) {
                    b.append(Numbers.csv(r.name())).append(',').append(p.mode().id()).append(',')
                            .append(Numbers.quantileName(probabilities[q])).append(",exact,").append(r.runs()).append(',')
                            .append(Numbers.instant(p.timeline().start())).append(',').append(Numbers.instant(p.timeline().end()));
                    for (Headline h : Headline.ALL) {
                        Optional<double[]> v = bands.summaryQuantiles(h.figure());
                        b.append(',').append(v.isPresent() ? Numbers.exact(v.get()[q]) : "");
                    }
                    b.append('\n');
                }
            }
        }
        out.write(b.toString());
    }

    private static boolean hasSummaryQuantiles(QuantileBands bands) {
        for (Headline h : Headline.ALL) {
            if (bands.summaryQuantiles(h.figure()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
