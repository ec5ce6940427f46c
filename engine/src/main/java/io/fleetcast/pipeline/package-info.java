/**
 * Where a projection is orchestrated: {@link io.fleetcast.pipeline.Pipeline} runs scenario -> plan -> accumulate
 * (with the simulate kernels) -> cube in data-flow order; each stage owns its data and knows nothing of the later ones.
 */
package io.fleetcast.pipeline;
