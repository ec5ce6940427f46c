package io.fleetcast.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Confidence;
import io.fleetcast.model.Consideration;
import io.fleetcast.model.Deployment;
import io.fleetcast.model.ModelField;
import io.fleetcast.model.Grouping;
import io.fleetcast.model.InputDistribution;
import io.fleetcast.model.Metric;
import io.fleetcast.model.PowerCap;
import io.fleetcast.model.MetricCube;
import io.fleetcast.model.MonteCarloSettings;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.ResolvedDeployment;
import io.fleetcast.model.Scenario;
import io.fleetcast.model.Site;
import io.fleetcast.model.Step;
import io.fleetcast.model.Summary;
import io.fleetcast.model.Timeline;
import io.fleetcast.model.UncertainInput;
import io.fleetcast.model.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a scenario's results as one JSON document ({@code results.json}), and reads its cube back.
 *
 * <p>Top-level keys, in order: {@code format} ({@value #FORMAT}), {@code scenario} (name,
 * description), {@code provenance} (fleetcast version, scenario file and its SHA-256, mode, seed,
 * runs, statistic, JDK, time written), {@code summary} (totals and peaks per metric, NPV of cash,
 * slot-hours, $/accelerator-hour, $/EFLOP, resolved accelerators (for Monte Carlo: the mean over the
 * runs, with {@code nominal_resolved_accelerators} beside it), and the summary quantiles when banded),
 * {@code sizing} (every deployment's resolved count and powers at the nominal inputs, and for Monte Carlo
 * {@code mean_count}, the mean over the runs of its resolved count), {@code inputs} (timeline,
 * every catalog and site figure used with unit, source, confidence and note, the deployments as given,
 * the uncertain inputs, the Monte Carlo settings), {@code cube} (by deployment: timeline, period
 * starts and hours, then {@code metrics.<metric>.values.<group>} = one value per period), and when
 * present {@code bands} ({@code exact}: order statistics or estimates, {@code quantiles.<p10>.<metric>.<group>}
 * = values per period) and
 * {@code tornado}.
 *
 * <p>Every number is written exactly ({@link Numbers#exact(double)}), so {@link #readCube(InputStream)}
 * returns a cube equal, bit for bit, to the one written. Keys are snake_case like the metric ids.
 */
public final class JsonWriter {

    /** The value of the {@code format} key: the layout version of this file. */
    public static final String FORMAT = "fleetcast-results/4";

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The {@code confidence} texts by ordinal, made once: one per input figure per document. */
    private static final String[] CONFIDENCE = new String[Confidence.values().length];

    static {
        for (Confidence c : Confidence.values()) {
            CONFIDENCE[c.ordinal()] = c.name().toLowerCase(Locale.ROOT);
        }
    }

    private JsonWriter() {
    }

    /**
     * Writes the document.
     *
     * @param result the scenario's results
     * @param run    version, JDK and time for the provenance block
     * @param out    the destination; not closed
     * @throws IOException when writing fails
     */
    public static void write(ScenarioResult result, RunInfo run, OutputStream out) throws IOException {
        write(result, run, Grouping.DEPLOYMENT, out);
    }

    /**
     * Writes the document with its {@code cube} in another grouping (the same layout: the cube names its
     * grouping and groups). {@code POST /v1/projections} answers with {@code cube_grouping: total} in a
     * twentieth of the bytes of the by-deployment cube of the portfolio.
     *
     * @param result       the scenario's results
     * @param run          version, JDK and time for the provenance block
     * @param cubeGrouping the grouping of the {@code cube} block ({@link Grouping#DEPLOYMENT} in {@code results.json})
     * @param out          the destination; not closed
     * @throws IOException when writing fails
     */
    public static void write(ScenarioResult result, RunInfo run, Grouping cubeGrouping, OutputStream out) throws IOException {
        write(result, run, cubeGrouping, true, out);
    }

    /**
     * Writes the document, indented for people ({@code results.json}) or compact for programs: the same JSON
     * value either way. {@code POST /v1/projections} answers compact: indentation was about 15 % of the server's
     * CPU per answer (JFR, portfolio, JDK 25) and a third of its bytes.
     *
     * @param result       the scenario's results
     * @param run          version, JDK and time for the provenance block
     * @param cubeGrouping the grouping of the {@code cube} block ({@link Grouping#DEPLOYMENT} in {@code results.json})
     * @param indented     true: objects indented, arrays of numbers on one line; false: no whitespace
     * @param out          the destination; not closed
     * @throws IOException when writing fails
     */
    public static void write(ScenarioResult result, RunInfo run, Grouping cubeGrouping, boolean indented, OutputStream out)
            throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (indented) {
                // objects indented, arrays of numbers on one line: a 96-period series stays one line
                DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                        .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                        .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
                g.setPrettyPrinter(pretty);
            }
            Projection p = result.projection();
            Scenario s = p.scenario();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeObjectFieldStart("scenario");
            g.writeStringField("name", s.name());
            g.writeStringField("description", s.description());
            g.writeEndObject();
            provenance(g, result, run);
            summary(g, p.summary(), result);
            sizing(g, p.sizing(), result);
            if (indented) {
                inputs(g, s);
            } else {
                g.writeFieldName("inputs");
                g.writeRawValue(compactInputs(s));
            }
            cube(g, cubeGrouping == Grouping.DEPLOYMENT ? p.cube() : p.cube(cubeGrouping));
            if (result.bands().isPresent()) {
                bands(g, result.bands().get());
            }
            if (result.tornado().isPresent()) {
                tornado(g, result.tornado().get());
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * Reads the {@code cube} of a results document back.
     *
     * @param in a document written by {@link #write}; not closed
     * @return the cube, equal to the projection's {@code cube()} that was written
     * @throws IOException when the stream cannot be read or is not such a document
     */
    public static MetricCube readCube(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a fleetcast results document (format " + FORMAT + ")");
        }
        return cubeOf(root.path("cube"));
    }

    /**
     * Reads a cube from its JSON object (the {@code cube} key of a results document).
     *
     * @param cube the object
     * @return the cube
     * @throws IOException when a key is missing or a series has the wrong length
     */
    static MetricCube cubeOf(JsonNode cube) throws IOException {
        Grouping grouping = Grouping.byId(required(cube, "grouping").asText());
        List<String> groups = new ArrayList<>();
        for (JsonNode n : required(cube, "groups")) {
            groups.add(n.asText());
        }
        JsonNode tl = required(cube, "timeline");
        Timeline timeline = Timeline.of(instant(required(tl, "start").asText()), instant(required(tl, "end").asText()),
                Step.valueOf(required(tl, "step").asText().toUpperCase(Locale.ROOT)));
        int periods = timeline.periods();
        double[] values = new double[Metric.COUNT * groups.size() * periods];
        JsonNode metrics = required(cube, "metrics");
        for (Metric m : Metric.values()) {
            JsonNode byGroup = required(required(metrics, m.id()), "values");
            for (int gi = 0; gi < groups.size(); gi++) {
                JsonNode series = required(byGroup, groups.get(gi));
                if (series.size() != periods) {
                    throw new IOException("cube." + m.id() + "." + groups.get(gi) + ": " + series.size()
                            + " values for " + periods + " periods");
                }
                int base = (m.ordinal() * groups.size() + gi) * periods;
                for (int i = 0; i < periods; i++) {
                    // the text is the shortest round-tripping decimal, so parsing it restores the bits
                    values[base + i] = Double.parseDouble(series.get(i).asText());
                }
            }
        }
        return MetricCube.of(grouping, groups, timeline, values);
    }

    private static JsonNode required(JsonNode node, String key) throws IOException {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            throw new IOException("results document: missing key '" + key + "'");
        }
        return n;
    }

    private static LocalDateTime instant(String text) {
        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static void provenance(JsonGenerator g, ScenarioResult result, RunInfo run) throws IOException {
        Projection p = result.projection();
        g.writeObjectFieldStart("provenance");
        g.writeStringField("fleetcast_version", run.fleetcastVersion());
        var origin = p.scenario().origin();
        g.writeStringField("scenario_file", origin.isPresent() ? origin.get().location() : null);
        g.writeStringField("scenario_sha256", origin.isPresent() ? origin.get().sha256() : null);
        g.writeStringField("mode", p.mode().id());
        g.writeNumberField("seed", p.seed());
        g.writeNumberField("runs", result.runs());
        g.writeStringField("statistic", result.statistic());
        g.writeStringField("jdk", run.jdk());
        g.writeStringField("generated_at", run.time().toString());
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, Summary s, ScenarioResult result) throws IOException {
        Optional<QuantileBands> bands = result.bands();
        g.writeObjectFieldStart("summary");
        if (result.runs() > 1 && bands.isPresent() && bands.get().summaryMean(SummaryFigures.RESOLVED_ACCELERATORS).isPresent()) {
            // the statistic is the mean: the mean over the runs of each run's resolved count, which is not a
            // whole number; the nominal count (every input at its scenario value) is kept beside it
            number(g, "resolved_accelerators", result.resolvedAccelerators());
            g.writeNumberField("nominal_resolved_accelerators", s.resolvedAccelerators());
        } else {
            g.writeNumberField("resolved_accelerators", s.resolvedAccelerators());
        }
        // with Monte Carlo, peaks and ratios are the means of the runs' figures, as the console prints them
        number(g, "npv_cash_usd", result.runMean("npv_cash_usd", s.npvCashUsd()));
        number(g, "discount_rate_per_year", s.discountRatePerYear());
        number(g, "slot_hours", result.runMean("slot_hours", s.slotHours()));
        number(g, "usd_per_accelerator_hour", result.runMean("usd_per_accelerator_hour", s.usdPerAcceleratorHour()));
        number(g, "usd_per_eflop", result.runMean("usd_per_eflop", s.usdPerEflop()));
        g.writeObjectFieldStart("totals");
        for (Metric m : Metric.values()) {
            number(g, m.id(), result.runMean(SummaryFigures.total(m), s.total(m)));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("peaks");
        for (Metric m : Metric.values()) {
            number(g, m.id(), result.runMean(SummaryFigures.peak(m), s.peak(m)));
        }
        g.writeEndObject();
        if (bands.isPresent()) {
            QuantileBands b = bands.get();
            List<String> names = SummaryFigures.names();
            boolean any = false;
            for (String name : names) {
                Optional<double[]> q = b.summaryQuantiles(name);
                if (q.isEmpty()) {
                    continue;
                }
                if (!any) {
                    g.writeObjectFieldStart("quantiles");
                    numbers(g, "probabilities", b.probabilities());
                    any = true;
                }
                numbers(g, name, q.get());
            }
            if (any) {
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    private static void sizing(JsonGenerator g, List<ResolvedDeployment> sizing, ScenarioResult result) throws IOException {
        g.writeArrayFieldStart("sizing");
        // with Monte Carlo these ratios are those of the mean projection
        java.util.Map<String, CostPerHour> costs = new java.util.HashMap<>();
        for (CostPerHour c : CostPerHour.of(result.projection())) {
            costs.put(c.deployment(), c);
        }
        for (ResolvedDeployment d : sizing) {
            g.writeStartObject();
            g.writeStringField("id", d.id());
            g.writeStringField("deal", d.deal());
            g.writeStringField("accelerator", d.acceleratorId());
            g.writeStringField("vendor", d.vendor());
            g.writeStringField("site", d.siteId());
            g.writeStringField("ownership", d.ownership().name().toLowerCase(Locale.ROOT));
            size(g, d.size());
            g.writeNumberField("count", d.count());
            number(g, "exact_count", d.exactCount());
            java.util.OptionalDouble mean = result.meanResolvedCount(d.id());
            if (mean.isPresent()) {
                // count, exact_count and the powers are nominal (inputs at their scenario values)
                number(g, "mean_count", mean.getAsDouble());
            }
            Optional<double[]> down = result.bands().flatMap(b -> b.peakInRepairQuantiles(d.id()));
            if (down.isPresent()) {
                // the spares question: peak period average of devices down for repair, at each band quantile
                double[] probabilities = result.bands().get().probabilities();
                g.writeObjectFieldStart("peak_in_repair");
                for (int q = 0; q < probabilities.length; q++) {
                    number(g, Numbers.quantileName(probabilities[q]), down.get()[q]);
                }
                g.writeEndObject();
                g.writeObjectFieldStart("spares_for");
                for (int q = 0; q < probabilities.length; q++) {
                    g.writeNumberField(Numbers.quantileName(probabilities[q]), io.fleetcast.analyse.MonteCarloResult.Sizing.sparesFor(down.get()[q]));
                }
                g.writeEndObject();
            }
            number(g, "it_mw", d.itMw());
            number(g, "facility_mw", d.facilityMw());
            g.writeStringField("install_start", Numbers.instant(d.installStart()));
            g.writeStringField("install_end", Numbers.instant(d.installEnd()));
            number(g, "useful_life_hours", d.usefulLifeHours());
            g.writeBooleanField("retires_at_useful_life", d.retiresAtUsefulLife());
            g.writeStringField("term_end", d.termEnd().map(Numbers::instant).orElse(null));
            g.writeStringField("horizon_end", Numbers.instant(d.horizonEnd()));
            g.writeStringField("slot_end_rule", d.slotEndRule());
            CostPerHour cost = costs.get(d.id());
            if (cost != null) {
                nullableNumber(g, "usd_per_accelerator_hour", cost.inclCapital());
                nullableNumber(g, "usd_per_accelerator_hour_excl_capital", cost.exclCapital());
                nullableNumber(g, "cost_of_capital_per_year", cost.costOfCapitalPerYear());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void size(JsonGenerator g, io.fleetcast.model.Size size) throws IOException {
        g.writeObjectFieldStart("size");
        g.writeStringField("kind", size.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        number(g, "value", size.value());
        g.writeStringField("unit", switch (size.kind()) {
            case COUNT -> "accelerators";
            case IT_POWER, FACILITY_POWER -> "W";
            case BUDGET -> "USD";
        });
        g.writeEndObject();
    }

    /** The scenario whose compact {@code inputs} text was written last, and that text. */
    private record InputsText(Scenario scenario, com.fasterxml.jackson.core.io.SerializedString json) {
    }

    private static volatile InputsText lastInputs;

    /**
     * The compact {@code inputs} object of a scenario, reused while the same scenario instance comes back (a server
     * answering a built-in scenario, which the reader keeps): the echo of every figure with its source was a quarter of
     * the CPU of {@code POST /v1/projections} for the portfolio (JFR, JDK 25). A pure function of the scenario, so
     * the bytes are those the generator would write.
     */
    private static com.fasterxml.jackson.core.io.SerializedString compactInputs(Scenario s) throws IOException {
        InputsText last = lastInputs;
        if (last != null && last.scenario() == s) {
            return last.json();
        }
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            inputs(g, s);
            g.writeEndObject();
        }
        String whole = text.toString();
        // {"inputs":{...}} -> {...}
        // a SerializedString keeps its UTF-8 bytes: written again without encoding the characters again
        com.fasterxml.jackson.core.io.SerializedString json =
                new com.fasterxml.jackson.core.io.SerializedString(whole.substring("{\"inputs\":".length(), whole.length() - 1));
        lastInputs = new InputsText(s, json);
        return json;
    }

    private static void inputs(JsonGenerator g, Scenario s) throws IOException {
        g.writeObjectFieldStart("inputs");
        g.writeObjectFieldStart("timeline");
        g.writeStringField("start", Numbers.instant(s.start()));
        g.writeStringField("end", Numbers.instant(s.end()));
        g.writeStringField("step", s.step().name().toLowerCase(Locale.ROOT));
        number(g, "discount_rate_per_year", s.discountRatePerYear());
        number(g, "cost_of_capital_per_year", s.costOfCapitalPerYear());
        g.writeEndObject();
        g.writeObjectFieldStart("accelerators");
        for (Map.Entry<String, Accelerator> e : Figures.usedAccelerators(s).entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeStringField("name", e.getValue().name());
            g.writeStringField("vendor", e.getValue().vendor());
            figures(g, Figures.of(e.getValue()));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("sites");
        for (Map.Entry<String, Site> e : Figures.usedSites(s).entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeStringField("name", e.getValue().name());
            figures(g, Figures.of(e.getValue()));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("deployments");
        for (Deployment d : s.deployments()) {
            g.writeStartObject();
            g.writeStringField("id", d.id());
            g.writeStringField("deal", d.deal());
            g.writeStringField("accelerator", d.acceleratorId());
            g.writeStringField("site", d.siteId());
            g.writeStringField("ownership", d.ownership().name().toLowerCase(Locale.ROOT));
            size(g, d.size());
            g.writeStringField("start", Numbers.instant(d.start()));
            for (ModelField f : ModelField.of(ModelField.Owner.DEPLOYMENT)) {
                double v = d.get(f);
                if (Double.isNaN(v)) {
                    g.writeNullField(f.jsonName());
                } else {
                    number(g, f.jsonName(), v);
                }
            }
            g.writeStringField("precision", d.precision().name().toLowerCase(Locale.ROOT));
            g.writeBooleanField("energy_included", d.energyIncluded());
            g.writeStringField("term_from", d.termFrom().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            g.writeBooleanField("take_or_pay", d.takeOrPay());
            if (d.refreshWith().isPresent()) {
                g.writeStringField("refresh_with", d.refreshWith().get());
            } else {
                g.writeNullField("refresh_with");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("uncertainty");
        for (UncertainInput u : s.uncertainty()) {
            InputDistribution d = u.distribution();
            g.writeStartObject();
            g.writeStringField("path", u.path());
            g.writeStringField("distribution", d.kind().name().toLowerCase(Locale.ROOT));
            numbers(g, "parameters", d.parameters());
            numbers(g, "weights", d.weights());
            // truncation bounds are infinite when absent; JSON has no infinity, so they become null
            nullableNumber(g, "min", d.min());
            nullableNumber(g, "max", d.max());
            g.writeBooleanField("shift", d.shift());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("power_caps");
        for (PowerCap cap : s.powerCaps()) {
            g.writeArrayFieldStart(cap.site());
            for (PowerCap.Step step : cap.steps()) {
                g.writeStartObject();
                g.writeStringField("from", Numbers.instant(step.from()));
                number(g, "facility_power_mw", step.facilityWatts() / Units.WATTS_PER_MW);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("consideration");
        for (Consideration c : s.consideration()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("deployment", c.deployment());
            g.writeStringField("milestone_kind", c.milestoneKind() == Consideration.MilestoneKind.COUNT ? "count" : "facility-power");
            number(g, "milestone", c.milestone());
            number(g, "cash_usd", c.cashUsd());
            number(g, "shares", c.shares());
            number(g, "share_price_usd", c.sharePriceUsd());
            number(g, "amount_usd", c.amountUsd());
            g.writeStringField("source", c.provenance().source());
            g.writeStringField("confidence", CONFIDENCE[c.provenance().confidence().ordinal()]);
            g.writeStringField("note", c.provenance().note());
            g.writeEndObject();
        }
        g.writeEndArray();
        MonteCarloSettings mc = s.monteCarlo();
        g.writeObjectFieldStart("monte_carlo");
        g.writeNumberField("runs", mc.runs());
        g.writeNumberField("seed", mc.seed());
        numbers(g, "quantiles", mc.quantiles());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void figures(JsonGenerator g, List<Figures.Figure> figures) throws IOException {
        g.writeObjectFieldStart("figures");
        for (Figures.Figure f : figures) {
            g.writeObjectFieldStart(f.field());
            if (f.values().length == 1) {
                number(g, "value", f.values()[0]);
            } else {
                numbers(g, "value", f.values());
            }
            g.writeStringField("unit", f.unit());
            Provenance p = f.provenance();
            g.writeStringField("source", p.source());
            g.writeStringField("confidence", CONFIDENCE[p.confidence().ordinal()]);
            g.writeStringField("note", p.note());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void cube(JsonGenerator g, MetricCube cube) throws IOException {
        Timeline t = cube.timeline();
        g.writeObjectFieldStart("cube");
        g.writeStringField("grouping", cube.grouping().id());
        g.writeArrayFieldStart("groups");
        for (String s : cube.groups()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("timeline");
        g.writeStringField("start", Numbers.instant(t.start()));
        g.writeStringField("end", Numbers.instant(t.end()));
        g.writeStringField("step", t.step().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("periods", t.periods());
        g.writeEndObject();
        g.writeArrayFieldStart("period_start");
        for (int i = 0; i < t.periods(); i++) {
            g.writeString(Numbers.instant(t.periodStart(i)));
        }
        g.writeEndArray();
        double[] hours = new double[t.periods()];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = t.hours(i);
        }
        numbers(g, "hours", hours);
        g.writeObjectFieldStart("metrics");
        for (Metric m : Metric.values()) {
            g.writeObjectFieldStart(m.id());
            g.writeStringField("unit", m.unit());
            g.writeStringField("kind", m.isFlow() ? "flow" : "level");
            g.writeObjectFieldStart("values");
            for (int gi = 0; gi < cube.groups().size(); gi++) {
                numbers(g, cube.groups().get(gi), cube.series(m, gi));
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void bands(JsonGenerator g, QuantileBands b) throws IOException {
        int periods = b.timeline().periods();
        double[] probabilities = b.probabilities();
        g.writeObjectFieldStart("bands");
        g.writeStringField("grouping", b.grouping().id());
        g.writeArrayFieldStart("groups");
        for (String s : b.groups()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeNumberField("runs", b.runs());
        // exact order statistics of the runs, or streaming (P2) estimates when runs x cells exceed the memory budget
        g.writeBooleanField("exact", b.exact());
        g.writeStringField("method", b.exact() ? "order-statistics" : "p2-estimate");
        numbers(g, "probabilities", probabilities);
        g.writeObjectFieldStart("quantiles");
        double[] series = new double[periods];
        for (int q = 0; q < probabilities.length; q++) {
            g.writeObjectFieldStart(Numbers.quantileName(probabilities[q]));
            for (Metric m : Metric.values()) {
                g.writeObjectFieldStart(m.id());
                for (int gi = 0; gi < b.groups().size(); gi++) {
                    for (int i = 0; i < periods; i++) {
                        series[i] = b.quantile(q, m, gi, i);
                    }
                    numbers(g, b.groups().get(gi), series);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void tornado(JsonGenerator g, Tornado t) throws IOException {
        g.writeObjectFieldStart("tornado");
        g.writeStringField("output", t.output());
        number(g, "base", t.base());
        g.writeStringField("low_label", t.lowLabel());
        g.writeStringField("high_label", t.highLabel());
        g.writeArrayFieldStart("bars");
        for (Tornado.Bar bar : t.bySwing()) {
            g.writeStartObject();
            g.writeStringField("input", bar.input());
            g.writeStringField("unit", bar.unit());
            number(g, "low_input", bar.lowInput());
            number(g, "high_input", bar.highInput());
            number(g, "output_at_low", bar.outputAtLow());
            number(g, "output_at_high", bar.outputAtHigh());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String key, double v) throws IOException {
        g.writeFieldName(key);
        g.writeNumber(Numbers.exact(v));
    }

    private static void nullableNumber(JsonGenerator g, String key, double v) throws IOException {
        if (Double.isFinite(v)) {
            number(g, key, v);
        } else {
            g.writeNullField(key);
        }
    }

    private static void numbers(JsonGenerator g, String key, double[] values) throws IOException {
        Numbers.Scratch scratch = new Numbers.Scratch();
        if (g.getPrettyPrinter() == null) {
            // compact: the array as one raw value, the same characters Jackson would write ("[1,2.5,3]"); its per
            // value checks and separators were 7.5 % of the samples of serve answering projections (JFR, 2026-12-03)
            char[] text = new char[2 + values.length * 24];
            int at = 0;
            text[at++] = '[';
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text[at++] = ',';
                }
                int n = scratch.exact(values[i]);
                char[] chars = n >= 0 ? scratch.chars() : Numbers.exact(values[i]).toCharArray();
                n = n >= 0 ? n : chars.length;
                if (at + n + 2 > text.length) {
                    text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, at + n + 2));
                }
                System.arraycopy(chars, 0, text, at, n);
                at += n;
            }
            text[at++] = ']';
            g.writeFieldName(key);
            g.writeRawValue(text, 0, at);
            return;
        }
        g.writeArrayFieldStart(key);
        for (double v : values) {
            int n = scratch.exact(v);
            if (n >= 0) {
                g.writeNumber(scratch.chars(), 0, n);
            } else {
                g.writeNumber(Numbers.exact(v));
            }
        }
        g.writeEndArray();
    }
}
