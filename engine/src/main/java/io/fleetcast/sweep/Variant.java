package io.fleetcast.sweep;

import io.fleetcast.model.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * One point of a sweep: a base scenario with one value per grid axis set.
 *
 * @param index    position in the sweep's variant list, from 0
 * @param id       the variant's id in outputs, {@code v} and the index zero-padded to the width of the largest
 *                 ({@code v0} .. {@code v9}, or {@code v00} .. {@code v11}), so ids sort in variant order
 * @param source   the base scenario as the sweep file names it (a path relative to the file, or a built-in name)
 * @param sets     the overrides as {@code fleetcast run --set} takes them, {@code PATH=VALUE}, in axis order
 * @param scenario the base scenario with the overrides applied
 */
public record Variant(int index, String id, String source, List<String> sets, Scenario scenario) {

    /** Checks the parts and copies the list. */
    public Variant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scenario, "scenario");
        sets = List.copyOf(sets);
    }

    /** The overrides joined for display and tables: {@code PATH=VALUE; PATH=VALUE}, or empty when none. */
    public String setsText() {
        return String.join("; ", sets);
    }
}
