package io.fleetcast.reliability;

import io.fleetcast.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process and writes small scenario files for the reliability tests. */
final class Cli {
    private Cli() {
    }

    /** Exit code and both streams of one command. */
    record Result(int code, String out, String err, long millis) {
        /** Whether standard error shows Java internals instead of a message for people. */
        boolean rawJava() {
            return err.contains("Exception") || err.contains("\tat ") || err.contains("java.") || err.contains("Error:");
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Writes {@code crash.yaml} (with its catalog and sites files) into {@code dir}: one accelerator {@code g} and
     * one site {@code s}, 1,000 accelerators over 36 months; {@code edits} are pairs of (text, replacement).
     *
     * @return the scenario file
     */
    static Path scenario(Path dir, String... edits) throws IOException {
        String acc = """
                accelerators:
                  - id: g
                    name: G
                    vendor: T
                    bf16: 1000 TFLOPS
                    hbm: 100 GB
                    tdp: 700 W
                    all-in-power: 1000 W
                    idle-fraction: 0.5
                    capex: 10000 USD
                    useful-life: 5 years
                    afr: 0.05
                    repair-time: 72 h
                    replacement-cost: 0.5
                    embodied-carbon: 876.6 kgCO2e
                """;
        String sites = """
                sites:
                  - id: s
                    name: S
                    pue: 1.5
                    electricity-price: 100 USD/MWh
                    electricity-escalation: 0 %/year
                    grid-intensity: 500 g/kWh
                """;
        String scen = """
                scenario: crash
                description: reliability test
                start: 2026-01
                horizon: 36 months
                step: month
                accelerators-file: acc.yaml
                sites-file: sites.yaml
                deployments:
                  - id: d
                    accelerator: g
                    site: s
                    size: { count: 1000 }
                    start: 2026-01
                    ramp: 3 months
                    utilization: 0.5
                """;
        for (int i = 0; i + 1 < edits.length; i += 2) {
            acc = acc.replace(edits[i], edits[i + 1]);
            sites = sites.replace(edits[i], edits[i + 1]);
            scen = scen.replace(edits[i], edits[i + 1]);
        }
        Files.writeString(dir.resolve("acc.yaml"), acc);
        Files.writeString(dir.resolve("sites.yaml"), sites);
        return Files.writeString(dir.resolve("crash.yaml"), scen);
    }
}
