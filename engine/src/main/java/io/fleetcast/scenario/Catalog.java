package io.fleetcast.scenario;

import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Site;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated catalog of accelerators and sites, in file order (what {@code fleetcast catalog} lists).
 *
 * @param accelerators accelerators by id, in the order of the file
 * @param sites        sites by id, in the order of the file
 */
public record Catalog(Map<String, Accelerator> accelerators, Map<String, Site> sites) {

    /** Copies the maps, keeping their order, so the record stays immutable. */
    public Catalog {
        accelerators = Collections.unmodifiableMap(new LinkedHashMap<>(accelerators));
        sites = Collections.unmodifiableMap(new LinkedHashMap<>(sites));
    }
}
