package io.fleetcast.model;

/**
 * What a quantity measures. Each field of the format accepts one dimension (a few accept two) and
 * every quantity is converted to the dimension's base unit when it is read. Which unit symbols a dimension
 * accepts is the unit table's business ({@code io.fleetcast.scenario.Unit#accepts}).
 */
public enum Dimension {
    /** Base unit: hour. */
    DURATION("a duration"),
    /** Base unit: watt. */
    POWER("a power"),
    /** Base unit: watt-hour. */
    ENERGY("an energy"),
    /** Base unit: US dollar. */
    MONEY("an amount of money"),
    /** Base unit: USD per accelerator-hour. */
    PRICE_PER_HOUR("a price per accelerator-hour"),
    /** Base unit: USD per MWh. */
    ENERGY_PRICE("an energy price"),
    /** Base unit: USD per MW. */
    CAPACITY_PRICE("a price per unit of power capacity"),
    /** Base unit: gCO2e per kWh. */
    CARBON_INTENSITY("a carbon intensity"),
    /** Base unit: kgCO2e. */
    MASS("a mass of CO2e"),
    /** Base unit: fraction per year. */
    YEARLY_RATE("a yearly rate"),
    /** Base unit: fraction; a plain number or a percentage. */
    FRACTION("a fraction"),
    /** A plain number without a unit (counts, PUE, shape parameters). */
    NUMBER("a plain number"),
    /** Base unit: dense TFLOP/s. */
    COMPUTE("a compute rate"),
    /** Base unit: GB. */
    MEMORY("a memory size");

    private final String description;

    Dimension(String description) {
        this.description = description;
    }

    /** What the dimension is, in words ("a power"). */
    public String description() {
        return description;
    }
}
