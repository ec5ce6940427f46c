package io.fleetcast.model;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment with its size resolved to a number of accelerators: "6 GW of MI450 = N accelerators" is a
 * result, not a hidden step.
 *
 * <p>Each of the {@code count} slots is installed at an instant spread uniformly over
 * {@code [installStart, installEnd)} and lives until the first of: install + useful life (owned only),
 * {@code termEnd}, {@code horizonEnd}. Installs that would fall at or after the term end or the horizon do
 * not happen.
 *
 * @param id                  deployment id
 * @param deal                deal it belongs to
 * @param acceleratorId       catalog id of its accelerator
 * @param vendor              accelerator vendor
 * @param siteId              site id
 * @param ownership           owned or leased
 * @param count               resolved number of slots: {@code floor(exactCount)}, with a relative tolerance
 *                            of 1e-9 so that 2.9999999999 counts as 3
 * @param exactCount          the size divided by its unit size, before rounding down
 * @param size                the size as given
 * @param itMw                IT power of {@code count} accelerators at full load, MW
 * @param facilityMw          facility power of {@code count} accelerators at full load and the site's
 *                            design PUE, MW
 * @param installStart        first install instant (the deployment start)
 * @param installEnd          end of the ramp (may lie beyond the horizon)
 * @param usefulLifeHours     the accelerator's useful life, hours
 * @param retiresAtUsefulLife whether a slot ends at install + useful life (owned); leased slots run to the
 *                            term end or the horizon because the lessor refreshes the hardware
 * @param termEnd             end of the term, when the deployment has one
 * @param horizonEnd          end of the scenario horizon
 */
public record ResolvedDeployment(
        String id,
        String deal,
        String acceleratorId,
        String vendor,
        String siteId,
        Ownership ownership,
        long count,
        double exactCount,
        Size size,
        double itMw,
        double facilityMw,
        LocalDateTime installStart,
        LocalDateTime installEnd,
        double usefulLifeHours,
        boolean retiresAtUsefulLife,
        Optional<LocalDateTime> termEnd,
        LocalDateTime horizonEnd) {

    /** Checks that no reference is null and the count is not negative. */
    public ResolvedDeployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(acceleratorId, "acceleratorId");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(installStart, "installStart");
        Objects.requireNonNull(installEnd, "installEnd");
        Objects.requireNonNull(termEnd, "termEnd");
        Objects.requireNonNull(horizonEnd, "horizonEnd");
        if (count < 0) {
            throw new IllegalArgumentException("deployment " + id + ": count must be >= 0, was " + count);
        }
    }

    /**
     * The name of the group this deployment belongs to under a grouping: its id, deal, accelerator id,
     * vendor, site id, {@code owned}/{@code leased}, or {@code total}.
     *
     * @param grouping the grouping
     * @return the group name
     */
    public String group(Grouping grouping) {
        return switch (grouping) {
            case DEPLOYMENT -> id;
            case DEAL -> deal;
            case ACCELERATOR -> acceleratorId;
            case VENDOR -> vendor;
            case SITE -> siteId;
            case OWNERSHIP -> ownership.name().toLowerCase(java.util.Locale.ROOT);
            case TOTAL -> Grouping.TOTAL_GROUP;
        };
    }

    /**
     * The slot end rule in words, e.g. {@code "first of install + 52596 h, term end 2033-07-01T00:00, horizon end 2034-07-01T00:00"}.
     *
     * @return a one-line description
     */
    public String slotEndRule() {
        StringBuilder b = new StringBuilder("first of ");
        if (retiresAtUsefulLife) {
            b.append("install + ").append(formatHours(usefulLifeHours)).append(", ");
        }
        termEnd.ifPresent(t -> b.append("term end ").append(t).append(", "));
        b.append("horizon end ").append(horizonEnd);
        return b.toString();
    }

    private static String formatHours(double hours) {
        double years = hours / Units.HOURS_PER_YEAR;
        if (Math.abs(years - Math.rint(years)) < 1e-9) {
            return (long) Math.rint(years) + " years";
        }
        return hours + " h";
    }
}
