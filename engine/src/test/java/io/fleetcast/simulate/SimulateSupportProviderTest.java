package io.fleetcast.simulate;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code by-size} kernel policy: a function of the fleet size only. */
class SimulateSupportProviderTest {

    /** A stand-in for the vector implementation (the policy only passes it through). */
    private static final SimulateSupport VECTOR = new SimulateSupport() {
        @Override
        public void draw(long key, long firstSlot, int count, double[] out, int stride) {
        }

        @Override
        public int fold(SweepState sweep, long firstSlot, int count, double[] rows, int stride, double[] acc) {
            return 0;
        }

        @Override
        public void drawLifetimes(long key, long firstSlot, double[] rows, int count, int stride, int drawIndex) {
        }

        @Override
        public String name() {
            return "test vector";
        }
    };

    @Test
    void bySize_belowThreshold_scalar() {
        // 10 M devices: the cold 10 M run is 2.2x faster on the scalar twin (SimulateParameters)
        assertSame(SimulateSupportProvider.scalar(), SimulateSupportProvider.bySize(10_000_000L, Optional.of(VECTOR)));
        assertSame(SimulateSupportProvider.scalar(),
                SimulateSupportProvider.bySize(SimulateParameters.VECTOR_MIN_DEVICES - 1, Optional.of(VECTOR)));
    }

    @Test
    void bySize_atThreshold_vector() {
        assertSame(VECTOR, SimulateSupportProvider.bySize(SimulateParameters.VECTOR_MIN_DEVICES, Optional.of(VECTOR)));
    }

    @Test
    void bySize_aboveThresholdWithoutVectorModule_scalar() {
        assertSame(SimulateSupportProvider.scalar(), SimulateSupportProvider.bySize(1L << 40, Optional.empty()));
    }
}
