package io.fleetcast;

import java.util.Map;
import java.util.Objects;

/**
 * A catalog entry: one kind of accelerator with its performance, power, cost and reliability figures.
 * All figures are in fleetcast's base units (see {@code docs/scenario-format.md}).
 *
 * @param id                      catalog id, e.g. {@code mi450}
 * @param name                    full product name
 * @param vendor                  vendor, e.g. {@code AMD}
 * @param bf16Tflops              dense peak bf16 TFLOP/s; 0 when the precision is not supported
 * @param fp8Tflops               dense peak fp8 TFLOP/s; 0 when not supported
 * @param fp4Tflops               dense peak fp4 TFLOP/s; 0 when not supported
 * @param hbmGb                   HBM capacity in GB
 * @param tdpW                    chip TDP in watts (informational)
 * @param allInW                  IT watts per accelerator at full load, incl. its share of host, network, storage
 * @param idleFraction            idle power as a fraction of {@code allInW}, in [0, 1]
 * @param capexUsd                all-in IT capex per accelerator
 * @param usefulLifeHours         book and service life in hours (a year is 8,766 h)
 * @param afr                     annual failure rate, in [0, 1): the probability that a new device fails
 *                                within its first year (exponential: a rate of {@code -ln(1 - afr)} per year)
 * @param weibullShape            shape of the lifetime distribution; 1 is exponential; the scale is
 *                                {@code 1 year / (-ln(1 - afr))^(1 / shape)}
 * @param repairHours             down time from a failure until the replacement is in service
 * @param replacementCostFraction fraction of capex expensed per replacement, in [0, 1]
 * @param embodiedKgCo2e          embodied emissions per accelerator (with its host share)
 * @param leasePriceUsdPerHour    reference price per accelerator-hour, 0 when none is known
 * @param provenance              source and confidence per field, keyed by the YAML field name
 *                                (e.g. {@code capex}, {@code all-in-power})
 */
public record Accelerator(
        String id,
        String name,
        String vendor,
        double bf16Tflops,
        double fp8Tflops,
        double fp4Tflops,
        double hbmGb,
        double tdpW,
        double allInW,
        double idleFraction,
        double capexUsd,
        double usefulLifeHours,
        double afr,
        double weibullShape,
        double repairHours,
        double replacementCostFraction,
        double embodiedKgCo2e,
        double leasePriceUsdPerHour,
        Map<String, Provenance> provenance) {

    /** Copies the provenance map so the record stays immutable. */
    public Accelerator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        provenance = Map.copyOf(provenance);
    }

    /** Dense peak TFLOP/s at the given precision; 0 when the accelerator does not support it. */
    public double peakTflops(Precision precision) {
        return switch (precision) {
            case BF16 -> bf16Tflops;
            case FP8 -> fp8Tflops;
            case FP4 -> fp4Tflops;
        };
    }

    /** Failure rate per hour of up time of the exponential lifetime: {@code -ln(1 - afr) / 8766}. */
    public double failureRatePerHour() {
        return -Math.log1p(-afr) / Units.HOURS_PER_YEAR;
    }
}
