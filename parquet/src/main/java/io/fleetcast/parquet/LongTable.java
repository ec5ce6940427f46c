package io.fleetcast.parquet;

import io.fleetcast.model.Grouping;
import io.fleetcast.model.Metric;
import io.fleetcast.model.Projection;
import io.fleetcast.model.Timeline;
import io.fleetcast.write.CsvWriter;
import io.fleetcast.write.ScenarioResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * {@code results-long.parquet}: the rows of {@code results-long.csv} ({@link CsvWriter#forEachLongRow}, the same
 * rows in the same order) in a typed Parquet table with the same columns ({@link CsvWriter#LONG_COLUMNS}, the same
 * names in the same order).
 *
 * <p>Types: {@code period_start} and {@code period_end} are {@code INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true)},
 * which DuckDB reads as {@code TIMESTAMP WITH TIME ZONE} and pyarrow as {@code timestamp[us, tz=UTC]} (the Spark
 * job's tables use the same); {@code value} is a {@code DOUBLE}, bit for bit the double the CSV writes in its
 * shortest form; every other column is UTF-8 text ({@code BINARY STRING}). Every column is {@code REQUIRED} (the
 * long layout has no empty cell).
 *
 * <p>Encoding: the text and time columns are dictionary-encoded (a few distinct values each: the dictionary and
 * run-length-encoded indices make them a bit or two per row); {@code value} is plain (its values are mostly
 * distinct). Pages are not compressed: a codec brings a native library (snappy-java, zstd-jni) or Hadoop's XML
 * configuration stack into the plugin jar, and the file is already a fraction of the CSV (README "Dependencies").
 * One row group: the tables are at most a few million rows.
 */
final class LongTable {

    /** The file's name in a scenario's folder. */
    static final String FILE = "results-long.parquet";

    /** The Parquet schema: {@link CsvWriter#LONG_COLUMNS} with the types of {@link #kind}. */
    static final MessageType SCHEMA = schema(CsvWriter.LONG_COLUMNS);

    /** What a column holds. */
    enum Kind {
        /** UTF-8 text, dictionary-encoded. */
        TEXT,
        /** An instant, UTC, microseconds. */
        TIMESTAMP,
        /** A double. */
        DOUBLE
    }

    private LongTable() {
    }

    /**
     * The type of a column of the long layout: the period bounds are instants, {@code value} a number, the rest text
     * (as docs/outputs.md types the CSV's columns). The names come from {@link CsvWriter#LONG_COLUMNS}; only the
     * typed ones are named here.
     *
     * @param column a column name
     * @return its kind
     */
    static Kind kind(String column) {
        return switch (column) {
            case "period_start", "period_end" -> Kind.TIMESTAMP;
            case "value" -> Kind.DOUBLE;
            default -> Kind.TEXT;
        };
    }

    private static MessageType schema(List<String> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String c : columns) {
            switch (kind(c)) {
                case TEXT -> b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c);
                case TIMESTAMP -> b.required(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(c);
                case DOUBLE -> b.required(PrimitiveTypeName.DOUBLE).named(c);
            }
        }
        return b.named("results_long");
    }

    /**
     * Writes the table of one scenario.
     *
     * @param result    the scenario's results
     * @param groupings the groupings of the projection's values (those of results-long.csv)
     * @param metadata  key-value pairs for the file's footer (e.g. the fleetcast version)
     * @param out       the destination; flushed, not closed
     * @throws IOException when writing fails
     */
    static void write(ScenarioResult result, List<Grouping> groupings, Map<String, String> metadata, OutputStream out)
            throws IOException {
        Rows rows = new Rows(result);
        try (ParquetWriter<Rows> writer = new Builder(new StreamOutputFile(out), rows, metadata)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withDictionaryEncoding(true)
                .withDictionaryEncoding(CsvWriter.LONG_COLUMNS.get(CsvWriter.LONG_COLUMNS.size() - 1), false)
                .build()) {
            rows.writer = writer;
            CsvWriter.forEachLongRow(result, groupings, rows);
        }
    }

    /**
     * The row being written, and the sink that writes it: {@link CsvWriter.LongRowSink} receives a row and hands it
     * to the Parquet writer, which calls back {@link #emit}. Text values are turned into bytes once per distinct
     * instance (the sink gets the same String for a whole block of rows), instants into microseconds once per period.
     */
    private static final class Rows implements CsvWriter.LongRowSink {
        private final Binary scenario;
        private final Binary mode;
        private final long[] starts;
        private final long[] ends;
        private final Binary[] metricIds = new Binary[Metric.COUNT];
        private final Binary[] metricUnits = new Binary[Metric.COUNT];
        private final Map<String, Binary> text = new HashMap<>();
        ParquetWriter<Rows> writer;
        private RecordConsumer consumer;

        private Binary statistic;
        private Binary method;
        private Binary grouping;
        private Binary group;
        private int period;
        private Metric metric;
        private double value;
        private String lastStatistic;
        private String lastMethod;
        private Grouping lastGrouping;
        private String lastGroup;

        Rows(ScenarioResult result) {
            Projection p = result.projection();
            scenario = Binary.fromString(result.name());
            mode = Binary.fromString(p.mode().id());
            Timeline t = p.timeline();
            starts = new long[t.periods()];
            ends = new long[t.periods()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = micros(t.periodStart(i));
                ends[i] = micros(t.periodEnd(i));
            }
            for (Metric m : Metric.values()) {
                metricIds[m.ordinal()] = Binary.fromString(m.id());
                metricUnits[m.ordinal()] = Binary.fromString(m.unit());
            }
        }

        private static long micros(LocalDateTime utc) {
            return Math.addExact(Math.multiplyExact(utc.toEpochSecond(ZoneOffset.UTC), 1_000_000L), utc.getNano() / 1_000);
        }

        private Binary bytes(String s) {
            Binary b = text.get(s);
            if (b == null) {
                b = Binary.fromString(s);
                text.put(s, b);
            }
            return b;
        }

        @Override
        public void row(String statistic, String method, Grouping grouping, String group, int period, Metric metric,
                        double value) throws IOException {
            if (statistic != lastStatistic) {
                lastStatistic = statistic;
                this.statistic = bytes(statistic);
            }
            if (method != lastMethod) {
                lastMethod = method;
                this.method = bytes(method);
            }
            if (grouping != lastGrouping) {
                lastGrouping = grouping;
                this.grouping = bytes(grouping.id());
            }
            if (group != lastGroup) {
                lastGroup = group;
                this.group = bytes(group);
            }
            this.period = period;
            this.metric = metric;
            this.value = value;
            writer.write(this);
        }

        void prepare(RecordConsumer recordConsumer) {
            consumer = recordConsumer;
        }

        /** The current row, in the columns' order ({@link CsvWriter#LONG_COLUMNS}). */
        void emit() {
            RecordConsumer c = consumer;
            c.startMessage();
            text(c, 0, scenario);
            text(c, 1, mode);
            text(c, 2, statistic);
            text(c, 3, method);
            text(c, 4, grouping);
            text(c, 5, group);
            instant(c, 6, starts[period]);
            instant(c, 7, ends[period]);
            text(c, 8, metricIds[metric.ordinal()]);
            text(c, 9, metricUnits[metric.ordinal()]);
            String name = SCHEMA.getFieldName(10);
            c.startField(name, 10);
            c.addDouble(value);
            c.endField(name, 10);
            c.endMessage();
        }

        private static void text(RecordConsumer c, int field, Binary v) {
            String name = SCHEMA.getFieldName(field);
            c.startField(name, field);
            c.addBinary(v);
            c.endField(name, field);
        }

        private static void instant(RecordConsumer c, int field, long micros) {
            String name = SCHEMA.getFieldName(field);
            c.startField(name, field);
            c.addLong(micros);
            c.endField(name, field);
        }
    }

    /** Hands the rows to Parquet's record consumer, with the schema and the footer's metadata. */
    private static final class Support extends WriteSupport<Rows> {
        private final Rows rows;
        private final Map<String, String> metadata;

        Support(Rows rows, Map<String, String> metadata) {
            this.rows = rows;
            this.metadata = metadata;
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, metadata);
        }

        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(SCHEMA, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            rows.prepare(recordConsumer);
        }

        @Override
        public void write(Rows record) {
            record.emit();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Rows, Builder> {
        private final Rows rows;
        private final Map<String, String> metadata;

        Builder(OutputFile file, Rows rows, Map<String, String> metadata) {
            super(file);
            this.rows = rows;
            this.metadata = metadata;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Rows> getWriteSupport(ParquetConfiguration conf) {
            return new Support(rows, metadata);
        }

        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<Rows> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new Support(rows, metadata);
        }
    }

    /**
     * A Parquet output over a stream someone else owns (the temporary file of {@code AtomicFiles}): buffered, counts
     * its position, and flushes but does not close the stream when Parquet closes it, so that the owner can sync and
     * move the file.
     */
    private static final class StreamOutputFile implements OutputFile {
        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new Counting(new BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return FILE;
        }
    }

    private static final class Counting extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
