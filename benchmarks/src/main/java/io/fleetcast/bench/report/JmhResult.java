package io.fleetcast.bench.report;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One benchmark result (one method at one parameter combination) as JMH writes it with
 * {@code -rf json}: the primary score, its secondary metrics (profilers, counters) and the settings
 * it ran with.
 *
 * @param benchmark fully qualified method name, for example
 *     {@code io.fleetcast.bench.SimulateBenchmark.simulateScalar}
 * @param mode JMH mode abbreviation: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params JMH parameters, sorted by name; empty when the method has none
 * @param primary the primary metric (score, error as the 99.9 % half-width, unit)
 * @param secondary secondary metrics by name (for example {@code gc.alloc.rate.norm}), in file order
 * @param settings how it was run (forks, iterations, JVM flags)
 * @param jvm the JVM that ran it
 */
public record JmhResult(
        String benchmark,
        String mode,
        Map<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        RunSettings settings,
        JvmInfo jvm) {

    /**
     * A score with its error and unit.
     *
     * @param score the mean score
     * @param error half-width of the 99.9 % confidence interval; NaN when JMH could not compute one
     *     (a single measurement iteration)
     * @param unit JMH's unit string, for example {@code ops/s} or {@code ms/op}
     * @param forks the per-iteration scores of each fork ({@code rawData}), in the score's unit; empty when
     *     the file has none (a compact baseline). Not modified after construction.
     */
    public record Metric(double score, double error, String unit, List<double[]> forks) {

        /** @param score the mean score  @param error the error  @param unit the unit (no per-fork data) */
        public Metric(double score, double error, String unit) {
            this(score, error, unit, List.of());
        }

        /** Copies the list (the arrays are not copied: callers hand them over). */
        public Metric {
            forks = List.copyOf(forks);
        }
    }

    /**
     * The JMH settings of one result; results that share them are listed once in the report.
     *
     * @param jmhVersion JMH version
     * @param forks number of forks
     * @param threads benchmark threads
     * @param warmupIterations warm-up iterations per fork
     * @param warmupTime warm-up iteration time, as JMH prints it ("1 s")
     * @param measurementIterations measurement iterations per fork
     * @param measurementTime measurement iteration time
     * @param jvmArgs the forked JVM's arguments (including {@code @Fork(jvmArgsAppend)})
     */
    public record RunSettings(
            String jmhVersion,
            int forks,
            int threads,
            int warmupIterations,
            String warmupTime,
            int measurementIterations,
            String measurementTime,
            List<String> jvmArgs) {

        /** @return a one-line description, for example "1 fork, 2 x 1 s warm-up, 3 x 1 s measured" */
        public String describe() {
            return forks + (forks == 1 ? " fork, " : " forks, ")
                    + warmupIterations + " x " + warmupTime + " warm-up, "
                    + measurementIterations + " x " + measurementTime + " measured, "
                    + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    /**
     * The JVM a result came from.
     *
     * @param path the java binary
     * @param jdkVersion the JDK version ("25")
     * @param vmName the VM name
     * @param vmVersion the VM version ("25+36-LTS")
     */
    public record JvmInfo(String path, String jdkVersion, String vmName, String vmVersion) {}

    /**
     * The identity used to match a result against its baseline: method and parameters. The mode is
     * left out on purpose, because scores are compared as rates per second whatever the mode.
     *
     * @return the key, for example {@code io.fleetcast.bench.SimulateBenchmark.simulateScalar{devices=10000000}}
     */
    public String key() {
        return benchmark + paramsText("{", "}");
    }

    /**
     * The method name without the package, for tables and chart labels.
     *
     * @return for example {@code SimulateBenchmark.simulateScalar}
     */
    public String shortName() {
        String prefix = "io.fleetcast.bench.";
        return benchmark.startsWith(prefix) ? benchmark.substring(prefix.length()) : benchmark;
    }

    /**
     * The parameters as text.
     *
     * @param open text before the first pair (empty parameters give an empty string)
     * @param close text after the last pair
     * @return for example {@code {devices=10000000}}
     */
    public String paramsText(String open, String close) {
        if (params.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner(",", open, close);
        for (Map.Entry<String, String> entry : params.entrySet()) {
            joiner.add(entry.getKey() + "=" + entry.getValue());
        }
        return joiner.toString();
    }
}
