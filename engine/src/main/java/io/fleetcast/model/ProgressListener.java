package io.fleetcast.model;

/**
 * Hears how far a long piece of work has come (Monte Carlo runs, scenarios of a batch, device blocks).
 * Called from the drivers that loop over runs or blocks, never from inside a kernel: a kernel stays a
 * pure function of its arrays, and the driver reports once per finished unit.
 *
 * <p>Implementations must be thread-safe: parallel drivers call {@link #advance(long)} from worker
 * threads. {@link #NONE} ignores everything and is the default wherever no listener is given.
 *
 * <p>It sits in the public API package, which every stage may depend on, so the projection and
 * analysis drivers can take one as a parameter; the terminal renderer is
 * {@code io.fleetcast.write.ConsoleProgress}, chosen by the command line.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void begin(String task, long totalUnits) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void end() {
        }
    };

    /**
     * Work starts.
     *
     * @param task       what is being done, e.g. {@code amd-openai-6gw: 1000 runs}
     * @param totalUnits how many units the work has; 0 or less when unknown
     */
    void begin(String task, long totalUnits);

    /**
     * Some units are done. Thread-safe.
     *
     * @param units how many more units finished since the last call
     */
    void advance(long units);

    /** The work ended (done or failed); a console listener clears its line. */
    void end();
}
