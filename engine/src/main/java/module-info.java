/**
 * The fleetcast engine: projects what a fleet of AI accelerators costs, draws and delivers over time.
 *
 * <p>Start at the facade {@link io.fleetcast.Fleetcast} (load or build a scenario, project it, run a Monte Carlo,
 * a sensitivity or a solve, write the result files). The module exports the facade, the dependency-free value
 * types of {@code io.fleetcast.model} (scenario, metrics, cube, timeline) and {@code io.fleetcast.analyse}, whose
 * result types the facade returns; the stages behind them (scenario reading, planning, kernels, cubes, writers)
 * are internal. The Vector API is optional at run time: without {@code --add-modules jdk.incubator.vector} the
 * simulate kernels run their scalar twins, with the same numbers.
 */
module io.fleetcast.engine {
    requires static jdk.incubator.vector;

    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.yaml.snakeyaml;
    requires org.apache.commons.statistics.distribution;
    requires org.apache.commons.rng.api;
    requires org.apache.commons.rng.core;
    requires org.apache.commons.rng.simple;
    // EJML and Commons Math 3 name no module: these are the names the JDK derives from their jar names
    requires ejml.core;
    requires ejml.ddense;
    requires commons.math3;

    exports io.fleetcast;
    exports io.fleetcast.model;
    exports io.fleetcast.analyse;

    // the formats beyond CSV and JSON (report.html, PNG, Parquet) come from modules on the class or module path
    uses io.fleetcast.write.FormatWriter;
}
