package io.fleetcast.parquet;

import io.fleetcast.Fleetcast;
import io.fleetcast.analyse.MonteCarlo;
import io.fleetcast.analyse.MonteCarloResult;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Scenario;
import io.fleetcast.write.AtomicFiles;
import io.fleetcast.write.CsvWriter;
import io.fleetcast.write.Format;
import io.fleetcast.write.OutputWriter;
import io.fleetcast.write.QuantileBands;
import io.fleetcast.write.ScenarioResult;
import io.fleetcast.write.WriteFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The write times and file sizes in README "Dependencies" and docs/outputs.md (not a test): results-long.csv and
 * results-long.parquet of the openai-portfolio projection (91,200 rows) and of its Monte Carlo with 14 quantile bands
 * by deployment and every grouping (1,027,200 rows), each written 5 times in one JVM (the first is the cold write a
 * one-shot {@code fleetcast run} pays). Run from the repository root after {@code ./mvnw -pl parquet -am test-compile}:
 * <pre>
 * ./mvnw -q -o -pl parquet dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp parquet/target/classes:parquet/target/test-classes:$(cat /tmp/cp.txt) io.fleetcast.parquet.WriteTimes /tmp/wt
 * </pre>
 */
final class WriteTimes {

    private WriteTimes() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/write-times"));
        Scenario s = Fleetcast.builtIn("openai-portfolio");
        ScenarioResult portfolio = ScenarioResult.of(Fleetcast.project(s));
        measure("portfolio", portfolio, OutputWriter.DEFAULT_GROUPINGS, dir);
        double[] q = new double[14];
        for (int i = 0; i < q.length; i++) {
            q[i] = 0.05 * (i + 1);
        }
        MonteCarloResult mc = MonteCarlo.run(s, Mode.EXPECTED, new MonteCarloSettings(10, 42L, q),
                MonteCarlo.Options.of(2).withGrouping(Grouping.DEPLOYMENT));
        ScenarioResult big = ScenarioResult.of(mc.meanProjection()).withBands(QuantileBands.of(mc));
        measure("portfolio-mc-14-bands", big, Arrays.asList(Grouping.values()), dir);
    }

    private static void measure(String name, ScenarioResult r, List<Grouping> groupings, Path dir) throws Exception {
        Path csv = dir.resolve(name + ".csv");
        Path set = Files.createDirectories(dir.resolve(name));
        long[] csvNanos = new long[5];
        long[] parquetNanos = new long[5];
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            AtomicFiles.writeText(csv, w -> CsvWriter.writeLong(r, groupings, w));
            long t1 = System.nanoTime();
            new ParquetFormat().writeScenario(r, WriteFixtures.RUN, Set.of(Format.PARQUET), groupings, set);
            long t2 = System.nanoTime();
            csvNanos[i] = t1 - t0;
            parquetNanos[i] = t2 - t1;
        }
        long rows = Files.lines(csv).count() - 1;
        System.out.printf("%s: %,d rows; csv %,d bytes, first %.3f s, best %.3f s; parquet %,d bytes, first %.3f s, best %.3f s%n",
                name, rows, Files.size(csv), csvNanos[0] / 1e9, Arrays.stream(csvNanos).min().getAsLong() / 1e9,
                Files.size(set.resolve(LongTable.FILE)), parquetNanos[0] / 1e9, Arrays.stream(parquetNanos).min().getAsLong() / 1e9);
    }
}
