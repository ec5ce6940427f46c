package io.fleetcast.model;

/** The number format whose dense peak FLOP/s counts as the delivered compute of a deployment. */
public enum Precision {
    /** bfloat16. */
    BF16,
    /** 8-bit floating point. */
    FP8,
    /** 4-bit floating point. */
    FP4
}
