package io.fleetcast.analyse;

import io.fleetcast.model.Deployment;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Dimension;
import io.fleetcast.scenario.Quantity;
import io.fleetcast.scenario.Unit;
import java.time.LocalDateTime;

/**
 * Reads a value for an input path as the user types it on the command line: either a plain number in
 * the field's base unit ({@code 2.5} for a lease price in USD/h, {@code 60} for USD/MWh, {@code 4380}
 * hours for a start delay) or a quantity with a unit of the scenario format ({@code "2.5 USD/h"},
 * {@code "1 GW"}, {@code "6 months"}, {@code "5 %"}). Durations of a deployment ({@code start} delay,
 * {@code ramp}, {@code term}) count calendar months from the deployment's start, as in the YAML files.
 */
public final class InputValue {

    private InputValue() {
    }

    /**
     * Converts a typed value to the base unit of the field a path names.
     *
     * @param text     the value, e.g. {@code 2.5} or {@code "2.5 USD/h"} (a bare SI suffix such as {@code "300k"}
     *                 is not a unit and is refused)
     * @param path     the input it is for
     * @param scenario the scenario the path belongs to (for size kinds and calendar anchors)
     * @return the value in the field's base unit
     * @throws IllegalArgumentException naming the path, the text and the units the field accepts
     */
    public static double parse(String text, InputPath path, Scenario scenario) {
        Quantity q;
        try {
            q = Quantity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path.text() + ": '" + text + "' is " + e.getMessage()
                    + "; expected a number in base units or a quantity such as " + example(path, scenario));
        }
        if (q.unit() == Unit.PLAIN) {
            return q.number().doubleValue();
        }
        Dimension dimension = dimensionOf(path, scenario);
        boolean ok = Unit.accepts(dimension, q.unit())
                || (path.field() == InputField.AFR && q.dimension() == Dimension.YEARLY_RATE);
        if (!ok) {
            throw new IllegalArgumentException(path.text() + ": '" + text + "' is " + q.dimension().description()
                    + ", expected " + Unit.expectation(dimension));
        }
        if (dimension == Dimension.DURATION && path.owner() == ModelField.Owner.DEPLOYMENT) {
            LocalDateTime anchor = deployment(scenario, path.id()).start();
            return q.hoursFrom(anchor);
        }
        return q.base();
    }

    /** The dimension a path's value has: the field's, or for {@code size} the one of the deployment's size kind. */
    static Dimension dimensionOf(InputPath path, Scenario scenario) {
        if (path.field() != InputField.SIZE) {
            return path.field().dimension();
        }
        return switch (deployment(scenario, path.id()).size().kind()) {
            case COUNT -> Dimension.NUMBER;
            case IT_POWER, FACILITY_POWER -> Dimension.POWER;
            case BUDGET -> Dimension.MONEY;
        };
    }

    private static String example(InputPath path, Scenario scenario) {
        if (path.field() == InputField.START) {
            // a start is varied as a delay: "2027-01" reads like a date and used to fail as "unknown unit '-01'"
            return "'3 months' (a start is given as a delay from the deployment's start, not as a date)";
        }
        Dimension d = dimensionOf(path, scenario);
        if (d == Dimension.DURATION) {
            return "'6 months'";
        }
        for (Unit u : Unit.values()) {
            if (u != Unit.PLAIN && Unit.accepts(d, u)) {
                return "'1.5 " + u.symbol() + "'";
            }
        }
        return "'1.5'";
    }

    private static Deployment deployment(Scenario scenario, String id) {
        for (int i = 0; i < scenario.deployments().size(); i++) {
            if (scenario.deployments().get(i).id().equals(id)) {
                return scenario.deployments().get(i);
            }
        }
        throw new IllegalArgumentException("no deployment '" + id + "' in scenario " + scenario.name());
    }
}
