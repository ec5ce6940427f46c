package io.fleetcast.parquet;

import io.fleetcast.write.CsvWriter;
import io.fleetcast.write.Numbers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads written Parquet back with DuckDB (in memory, JDBC), as an analyst would. */
final class DuckDb {

    private DuckDb() {
    }

    /** Runs a query and returns its rows, each cell as {@link ResultSet#getString}. */
    static List<List<String>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** {@code read_parquet('FILE')}, the path quoted for SQL. */
    static String table(Path file) {
        return "read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
    }

    /** Column name to DuckDB type, in the file's order. */
    static Map<String, String> types(Path file) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> r : query("describe select * from " + table(file))) {
            out.put(r.get(0), r.get(1));
        }
        return out;
    }

    /**
     * The file's rows in file order, each written back as results-long.csv writes it: text quoted where needed, the
     * instants as ISO 8601 UTC with {@code Z}, the value as its shortest exact decimal. Equal lines mean equal rows:
     * the same text, the same instants to the microsecond, the same doubles bit for bit.
     */
    static List<String> asCsvLines(Path file) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            // a single file is read in order (DuckDB keeps insertion order by default); say so anyway
            st.execute("set preserve_insertion_order = true");
            try (ResultSet rs = st.executeQuery("select * from " + table(file))) {
                List<String> columns = CsvWriter.LONG_COLUMNS;
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                    b.setLength(0);
                    for (int i = 0; i < columns.size(); i++) {
                        b.append(i == 0 ? "" : ",");
                        switch (LongTable.kind(columns.get(i))) {
                            case TEXT -> b.append(Numbers.csv(rs.getString(i + 1)));
                            case TIMESTAMP -> b.append(Numbers.instant(
                                    rs.getObject(i + 1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
                            case DOUBLE -> b.append(Numbers.exact(rs.getDouble(i + 1)));
                        }
                    }
                    lines.add(b.toString());
                }
            }
        }
        return lines;
    }
}
