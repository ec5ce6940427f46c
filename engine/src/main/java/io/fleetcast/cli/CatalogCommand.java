package io.fleetcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fleetcast.Accelerator;
import io.fleetcast.Provenance;
import io.fleetcast.ScenarioException;
import io.fleetcast.Units;
import io.fleetcast.scenario.Catalog;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleetcast catalog}: lists the accelerator catalog as a table, CSV or JSON (JSON with the source
 * and confidence of every figure).
 */
@Command(name = "catalog",
        description = "List the accelerator catalog (built-in, or --accelerators-file) with its key figures.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:listed", "2:the catalog file has problems, or bad usage", "1:internal error"})
final class CatalogCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TABLE, CSV, JSON }

    /** One column: its header, the YAML field it shows, and how to get the value in display units. */
    private record Column(String header, String csv, String field, java.util.function.ToDoubleFunction<Accelerator> value,
                          boolean notApplicableWhenZero) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("BF16 TFLOPS", "bf16_tflops", "bf16", Accelerator::bf16Tflops, true),
            new Column("FP8 TFLOPS", "fp8_tflops", "fp8", Accelerator::fp8Tflops, true),
            new Column("FP4 TFLOPS", "fp4_tflops", "fp4", Accelerator::fp4Tflops, true),
            new Column("HBM GB", "hbm_gb", "hbm", Accelerator::hbmGb, false),
            new Column("TDP W", "tdp_w", "tdp", Accelerator::tdpW, false),
            new Column("all-in W", "all_in_w", "all-in-power", Accelerator::allInW, false),
            new Column("capex USD", "capex_usd", "capex", Accelerator::capexUsd, false),
            new Column("life years", "useful_life_years", "useful-life", a -> a.usefulLifeHours() / Units.HOURS_PER_YEAR, false),
            new Column("AFR", "afr", "afr", Accelerator::afr, false));
    private static final String NOT_APPLICABLE = "—";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format: table, csv or json (default: table).")
    private Format format;

    @Option(names = "--accelerators-file", paramLabel = "FILE",
            description = "A catalog file to list instead of the built-in one.")
    private Path acceleratorsFile;

    @Override
    public Integer call() throws ScenarioException, JsonProcessingException {
        Catalog catalog = acceleratorsFile == null ? CatalogReader.readBuiltIn()
                : new Catalog(CatalogReader.readAccelerators(acceleratorsFile), Map.of());
        List<Accelerator> accelerators = new ArrayList<>(catalog.accelerators().values());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TABLE -> out.print(table(accelerators));
            case CSV -> out.print(csv(accelerators));
            case JSON -> out.println(json(accelerators));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The catalog as an aligned text table, numbers right-aligned with thousands separators. */
    static String table(List<Accelerator> accelerators) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[COLUMNS.size() + 2];
        header[0] = "id";
        header[1] = "vendor";
        for (int c = 0; c < COLUMNS.size(); c++) {
            header[c + 2] = COLUMNS.get(c).header();
        }
        rows.add(header);
        for (Accelerator a : accelerators) {
            String[] row = new String[header.length];
            row[0] = a.id();
            row[1] = a.vendor();
            for (int c = 0; c < COLUMNS.size(); c++) {
                Column col = COLUMNS.get(c);
                double v = col.value().applyAsDouble(a);
                row[c + 2] = col.notApplicableWhenZero() && v == 0 ? NOT_APPLICABLE : human(v);
            }
            rows.add(row);
        }
        int[] width = new int[header.length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - r[c].length());
                line.append(c < 2 ? r[c] + pad : pad + r[c]);
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** The catalog as CSV: one header row, plain numbers, empty cells where a precision is not supported. */
    static String csv(List<Accelerator> accelerators) {
        StringBuilder b = new StringBuilder("id,vendor,name");
        for (Column c : COLUMNS) {
            b.append(',').append(c.csv());
        }
        b.append('\n');
        for (Accelerator a : accelerators) {
            b.append(csvCell(a.id())).append(',').append(csvCell(a.vendor())).append(',').append(csvCell(a.name()));
            for (Column c : COLUMNS) {
                double v = c.value().applyAsDouble(a);
                b.append(',').append(c.notApplicableWhenZero() && v == 0 ? "" : plain(v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The catalog as JSON: per accelerator, every column with its value, source, confidence and note. */
    static String json(List<Accelerator> accelerators) throws JsonProcessingException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Accelerator a : accelerators) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("vendor", a.vendor());
            m.put("name", a.name());
            for (Column c : COLUMNS) {
                double v = c.value().applyAsDouble(a);
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("value", c.notApplicableWhenZero() && v == 0 ? null : v);
                Provenance p = a.provenance().getOrDefault(c.field(), Provenance.UNSOURCED);
                figure.put("source", p.source());
                figure.put("confidence", p.confidence().name().toLowerCase(Locale.ROOT));
                figure.put("note", p.note());
                m.put(c.csv(), figure);
            }
            list.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list);
    }

    /** A number for people: at most 3 significant decimals below 100, grouped thousands, no trailing zeros. */
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
