package io.fleetcast.model;

/** The families of distribution an uncertain input may follow. */
public enum DistributionKind {
    /** Uniform on [low, high]: parameters {low, high}. */
    UNIFORM,
    /** Triangular: parameters {min, mode, max}. */
    TRIANGULAR,
    /** PERT (a scaled beta with shape 4): parameters {min, mode, max}. */
    PERT,
    /** Normal: parameters {mean, sd}; truncated to [min, max] when the bounds are finite. */
    NORMAL,
    /** Lognormal: parameters {median, sigma of ln}. */
    LOGNORMAL,
    /** A discrete choice: parameters are the values, {@code weights} their relative weights. */
    CHOICE
}
