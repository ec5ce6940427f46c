/**
 * The last stage of the data flow: result files, the HTML report, and the console helpers.
 *
 * <h2>Files ({@link io.fleetcast.write.OutputWriter})</h2>
 * <pre>
 * OUT/SCENARIO/results-long.csv   scenario,mode,statistic,grouping,group,period_start,period_end,metric,unit,value
 * OUT/SCENARIO/results-wide.csv   period_start,period_end,hours,METRIC[GROUPING=GROUP]...,METRIC[total]...
 * OUT/SCENARIO/results.json       format, scenario, provenance, summary, sizing, inputs, cube, bands?, tornado?
 * OUT/SCENARIO/report.html        self-contained report (no network, no script, charts as PNG data URIs)
 * OUT/SCENARIO/charts/NAME.png    the report's charts (--format png)
 * OUT/comparison.csv              scenario,mode,statistic,runs,start,end, then one column per headline figure
 * OUT/comparison.html             the headline figures side by side, bar charts, power and cash over time
 * </pre>
 * Numbers are written exactly ({@link io.fleetcast.write.Numbers#exact(double)}: the shortest decimal that
 * reads back to the same double, no exponent below 1e21), instants as {@code 2026-07-01T00:00:00Z} (UTC), and
 * every file through {@link io.fleetcast.write.AtomicFiles} (temporary file, fsync, atomic rename). Each
 * {@code OUT/SCENARIO/} folder and the comparison files are one set, switched in whole by
 * {@link io.fleetcast.write.ResultFolder} ({@code OUT/SCENARIO} is a link to a hidden complete version).
 *
 * <h2>Monte Carlo bands and sensitivity</h2>
 * The writers take a {@link io.fleetcast.write.ScenarioResult}: a projection plus, optionally,
 * {@link io.fleetcast.write.QuantileBands} (quantile probabilities and a value per quantile x metric x group x
 * period, optionally per summary figure) and a {@link io.fleetcast.write.Tornado}. Both are views the command
 * line builds from the analysis results, so {@code io.fleetcast.analyse} never depends on this package.
 *
 * <h2>Console</h2>
 * {@link io.fleetcast.write.HumanUnits} formats values as people read them (GW, TWh, $B, MtCO2e);
 * {@link io.fleetcast.write.ConsoleProgress} draws the progress bar, on interactive terminals only.
 */
package io.fleetcast.write;
