package io.fleetcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fleetcast.model.Accelerator;
import io.fleetcast.model.Provenance;
import io.fleetcast.model.ScenarioException;
import io.fleetcast.model.Site;
import io.fleetcast.model.Units;
import io.fleetcast.scenario.CatalogReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleetcast catalog}: lists the accelerator catalog (or, with {@code --sites}, the sites) as a table,
 * CSV or JSON; JSON adds the source, confidence and note of every figure.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true, versionProvider = FleetcastCommand.Version.class,
        description = "List the accelerator catalog (or the sites) with its key figures.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:listed", "2:the catalog or sites file has problems, or bad usage", "1:internal error"})
final class CatalogCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TABLE, CSV, JSON }

    /**
     * One numeric column.
     *
     * @param header      table header
     * @param key         CSV header and JSON key
     * @param field       the YAML field whose provenance the figure has
     * @param value       the value in display units
     * @param naWhenZero  whether 0 means "not applicable" (a precision the part lacks), shown as a dash
     */
    private record Column<T>(String header, String key, String field, ToDoubleFunction<T> value, boolean naWhenZero) {
    }

    /** The columns of one kind of entry ({@code accelerators} or {@code sites}): text columns for the table and for CSV/JSON, then numeric columns. */
    record Layout<T>(String kind, List<String> tableTexts, Function<T, List<String>> tableText,
                             List<String> fullTexts, Function<T, List<String>> fullText,
                             Function<T, Map<String, Provenance>> provenance, List<Column<T>> columns) {
    }

    static final Layout<Accelerator> ACCELERATORS = new Layout<>("accelerators",
            List.of("id", "vendor"), a -> List.of(a.id(), a.vendor()),
            List.of("id", "vendor", "name"), a -> List.of(a.id(), a.vendor(), a.name()),
            Accelerator::provenance,
            List.of(new Column<>("BF16 TFLOPS", "bf16_tflops", "bf16", Accelerator::bf16Tflops, true),
                    new Column<>("FP8 TFLOPS", "fp8_tflops", "fp8", Accelerator::fp8Tflops, true),
                    new Column<>("FP4 TFLOPS", "fp4_tflops", "fp4", Accelerator::fp4Tflops, true),
                    new Column<>("HBM GB", "hbm_gb", "hbm", Accelerator::hbmGb, false),
                    new Column<>("TDP W", "tdp_w", "tdp", Accelerator::tdpW, false),
                    new Column<>("all-in W", "all_in_w", "all-in-power", Accelerator::allInW, false),
                    new Column<>("capex USD", "capex_usd", "capex", Accelerator::capexUsd, false),
                    new Column<>("life years", "useful_life_years", "useful-life",
                            a -> a.usefulLifeHours() / Units.HOURS_PER_YEAR, false),
                    new Column<>("AFR", "afr", "afr", Accelerator::afr, false)));

    static final Layout<Site> SITES = new Layout<>("sites",
            List.of("id", "name"), s -> List.of(s.id(), s.name()),
            List.of("id", "name"), s -> List.of(s.id(), s.name()),
            Site::provenance,
            List.of(new Column<>("PUE min", "pue_min", "pue", CatalogCommand::minPue, false),
                    new Column<>("PUE max", "pue_max", "pue", CatalogCommand::maxPue, false),
                    new Column<>("design PUE", "design_pue", "design-pue", Site::designPue, false),
                    new Column<>("USD/MWh", "electricity_usd_per_mwh", "electricity-price", Site::electricityUsdPerMwh, false),
                    new Column<>("price %/year", "electricity_escalation_percent_per_year", "electricity-escalation",
                            s -> 100 * s.electricityEscalationPerYear(), false),
                    new Column<>("g/kWh", "grid_g_per_kwh", "grid-intensity", Site::gridGPerKwh, false),
                    new Column<>("grid %/year", "grid_change_percent_per_year", "grid-intensity-change",
                            s -> 100 * s.gridChangePerYear(), false),
                    new Column<>("facility USD/MW", "facility_capex_usd_per_mw", "facility-capex",
                            Site::facilityCapexUsdPerMw, false),
                    new Column<>("facility years", "facility_life_years", "facility-life",
                            s -> s.facilityLifeHours() / Units.HOURS_PER_YEAR, false)));

    private static final String NOT_APPLICABLE = "—";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format: table, csv or json (default: table).")
    private Format format;

    @Option(names = "--sites", description = "List the sites instead of the accelerators.")
    private boolean sites;

    @Option(names = "--accelerators-file", paramLabel = "FILE",
            description = "A catalog file to list instead of the built-in one.")
    private Path acceleratorsFile;

    @Option(names = "--sites-file", paramLabel = "FILE",
            description = "A sites file to list instead of the built-in one (implies --sites).")
    private Path sitesFile;

    @Override
    public Integer call() throws ScenarioException, JsonProcessingException {
        if (acceleratorsFile != null && (sites || sitesFile != null)) {
            throw new BadInputException("--accelerators-file lists accelerators; --sites and --sites-file list sites: give one");
        }
        // a sites file means the sites: listing the built-in accelerators instead would ignore the file silently
        boolean listSites = sites || sitesFile != null;
        String text;
        if (listSites) {
            Map<String, Site> all = sitesFile == null ? CatalogReader.readBuiltIn().sites() : CatalogReader.readSites(sitesFile);
            text = render(new ArrayList<>(all.values()), SITES);
        } else {
            Map<String, Accelerator> all = acceleratorsFile == null ? CatalogReader.readBuiltIn().accelerators()
                    : CatalogReader.readAccelerators(acceleratorsFile);
            text = render(new ArrayList<>(all.values()), ACCELERATORS);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return ExitCodes.OK;
    }

    private <T> String render(List<T> rows, Layout<T> layout) throws JsonProcessingException {
        return switch (format) {
            case TABLE -> table(rows, layout);
            case CSV -> csv(rows, layout);
            case JSON -> json(rows, layout) + System.lineSeparator();
        };
    }

    /** An aligned text table: texts left-aligned, numbers right-aligned with thousands separators. */
    static <T> String table(List<T> rows, Layout<T> layout) {
        List<String[]> cells = new ArrayList<>();
        int texts = layout.tableTexts().size();
        int width = texts + layout.columns().size();
        String[] header = new String[width];
        for (int c = 0; c < texts; c++) {
            header[c] = layout.tableTexts().get(c);
        }
        for (int c = 0; c < layout.columns().size(); c++) {
            header[texts + c] = layout.columns().get(c).header();
        }
        cells.add(header);
        for (T row : rows) {
            String[] line = new String[width];
            List<String> t = layout.tableText().apply(row);
            for (int c = 0; c < texts; c++) {
                line[c] = t.get(c);
            }
            for (int c = 0; c < layout.columns().size(); c++) {
                Column<T> col = layout.columns().get(c);
                double v = col.value().applyAsDouble(row);
                line[texts + c] = col.naWhenZero() && v == 0 ? NOT_APPLICABLE : human(v);
            }
            cells.add(line);
        }
        int[] widths = new int[width];
        for (String[] r : cells) {
            for (int c = 0; c < width; c++) {
                widths[c] = Math.max(widths[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(widths[c] - r[c].length());
                line.append(c < texts ? r[c] + pad : pad + r[c]);
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** CSV: one header row, plain numbers, empty cells where a figure does not apply. */
    static <T> String csv(List<T> rows, Layout<T> layout) {
        StringBuilder b = new StringBuilder(String.join(",", layout.fullTexts()));
        for (Column<T> c : layout.columns()) {
            b.append(',').append(c.key());
        }
        b.append('\n');
        for (T row : rows) {
            List<String> t = layout.fullText().apply(row);
            for (int i = 0; i < t.size(); i++) {
                b.append(i > 0 ? "," : "").append(csvCell(t.get(i)));
            }
            for (Column<T> c : layout.columns()) {
                double v = c.value().applyAsDouble(row);
                b.append(',').append(c.naWhenZero() && v == 0 ? "" : plain(v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The value of the catalog JSON's {@code format} key: the layout version (docs/schemas/catalog.schema.json). */
    static final String JSON_FORMAT = "fleetcast-catalog/1";

    /**
     * JSON: {@code {"format", "kind", "entries": [...]}}, per entry its texts and every figure with value,
     * source, confidence and note.
     */
    static <T> String json(List<T> rows, Layout<T> layout) throws JsonProcessingException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (T row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<String> t = layout.fullText().apply(row);
            for (int i = 0; i < t.size(); i++) {
                m.put(layout.fullTexts().get(i), t.get(i));
            }
            Map<String, Provenance> provenance = layout.provenance().apply(row);
            for (Column<T> c : layout.columns()) {
                double v = c.value().applyAsDouble(row);
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("value", c.naWhenZero() && v == 0 ? null : v);
                Provenance p = provenance.getOrDefault(c.field(), Provenance.UNSOURCED);
                figure.put("source", p.source());
                figure.put("confidence", p.confidence().name().toLowerCase(Locale.ROOT));
                figure.put("note", p.note());
                m.put(c.key(), figure);
            }
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", JSON_FORMAT);
        root.put("kind", layout.kind());
        root.put("entries", list);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static double minPue(Site s) {
        double min = s.pue(1);
        for (int m = 2; m <= 12; m++) {
            min = Math.min(min, s.pue(m));
        }
        return min;
    }

    private static double maxPue(Site s) {
        double max = s.pue(1);
        for (int m = 2; m <= 12; m++) {
            max = Math.max(max, s.pue(m));
        }
        return max;
    }

    /** A number for people: grouped thousands, 3 significant digits below 100, no trailing zeros. */
    static String human(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A number for machines: the shortest decimal that reads back to the same double. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
