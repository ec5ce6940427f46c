package io.fleetcast.bench;

import io.fleetcast.Fleetcast;
import io.fleetcast.model.Mode;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Scenario;
import io.fleetcast.analyse.MonteCarlo;
import io.fleetcast.analyse.MonteCarloResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Monte Carlo runs per second on every core ({@code MonteCarlo.run} with as many worker threads as the
 * machine has), exact bands of the total:
 * <ul>
 *   <li>{@link #expectedPortfolio}: {@value #EXPECTED_RUNS} expected-mode runs of the default portfolio
 *       ({@value BenchScenarios#PORTFOLIO}) with its own uncertainty block and seed (target: 1,000 runs in
 *       2 s or less, issue 5);</li>
 *   <li>{@link #simulateMillion}: {@value #SIMULATE_RUNS} simulate-mode runs of a 1-million-device fleet
 *       ({@link BenchScenarios#uncertainFleet}: uncertain AFR, capex and electricity price; every run samples
 *       every device) (target: 100 runs in 5 s or less, issue 5).</li>
 * </ul>
 * One JMH operation is one run ({@code @OperationsPerInvocation}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MonteCarloBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class MonteCarloBenchmark {

    /** Expected-mode runs per invocation. */
    public static final int EXPECTED_RUNS = 1000;
    /** Simulate-mode runs per invocation. */
    public static final int SIMULATE_RUNS = 100;
    /** Devices in the simulate-mode fleet. */
    public static final long SIMULATE_DEVICES = 1_000_000;

    /** Worker threads: every core, as {@code fleetcast run --runs} uses. */
    public int threads = Runtime.getRuntime().availableProcessors();

    private Scenario portfolio;
    private MonteCarloSettings portfolioSettings;
    private Scenario fleet;

    /**
     * Loads the portfolio and builds the fleet.
     *
     * @throws Exception never for the shipped scenario
     */
    @Setup
    public void setUp() throws Exception {
        portfolio = Fleetcast.builtIn(BenchScenarios.PORTFOLIO);
        MonteCarloSettings own = portfolio.monteCarlo();
        portfolioSettings = new MonteCarloSettings(EXPECTED_RUNS, own.seed(), own.quantiles());
        fleet = BenchScenarios.uncertainFleet(SIMULATE_DEVICES, SIMULATE_RUNS);
    }

    /**
     * 1,000 expected-mode runs of the portfolio.
     *
     * @return the bands
     */
    @Benchmark
    @OperationsPerInvocation(EXPECTED_RUNS)
    @DomainUnit("runs")
    @PerformanceTarget(minPerSecond = 500, description = "1,000 expected-mode runs of the portfolio in 2 s or less (issue 5)")
    public MonteCarloResult expectedPortfolio() {
        return MonteCarlo.run(portfolio, Mode.EXPECTED, portfolioSettings, threads);
    }

    /**
     * 100 simulate-mode runs of the 1-million-device fleet.
     *
     * @return the bands
     */
    @Benchmark
    @OperationsPerInvocation(SIMULATE_RUNS)
    @DomainUnit("runs")
    @PerformanceTarget(minPerSecond = 20, description = "100 simulate-mode runs of 1M devices in 5 s or less (issue 5)")
    public MonteCarloResult simulateMillion() {
        return MonteCarlo.run(fleet, Mode.SIMULATE, fleet.monteCarlo(), threads);
    }
}
