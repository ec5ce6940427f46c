package io.fleetcast.spark;

import io.fleetcast.sweep.SweepTables;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet schemas of a sweep's tables: the columns of {@link SweepTables} with types. Times are
 * {@code TIMESTAMP(MICROS, isAdjustedToUTC=true)} (Spark's timestamp, written as INT64 microseconds), which
 * DuckDB reads as {@code TIMESTAMP WITH TIME ZONE} and pyarrow as {@code timestamp[us, tz=UTC]}; values are doubles.
 */
final class Tables {

    private Tables() {
    }

    /** results-long: {@code variant} and the columns of {@code results-long.csv}; partitioned by {@code variant}. */
    static final StructType LONG = new StructType(new StructField[] {
        DataTypes.createStructField("variant", DataTypes.StringType, false),
        DataTypes.createStructField("scenario", DataTypes.StringType, false),
        DataTypes.createStructField("mode", DataTypes.StringType, false),
        DataTypes.createStructField("statistic", DataTypes.StringType, false),
        DataTypes.createStructField("statistic_method", DataTypes.StringType, false),
        DataTypes.createStructField("grouping", DataTypes.StringType, false),
        DataTypes.createStructField("group", DataTypes.StringType, false),
        DataTypes.createStructField("period_start", DataTypes.TimestampType, false),
        DataTypes.createStructField("period_end", DataTypes.TimestampType, false),
        DataTypes.createStructField("metric", DataTypes.StringType, false),
        DataTypes.createStructField("unit", DataTypes.StringType, false),
        DataTypes.createStructField("value", DataTypes.DoubleType, false)});

    /** summary: per variant and summary figure, the mean and quantiles over the runs. */
    static final StructType SUMMARY = new StructType(new StructField[] {
        DataTypes.createStructField("variant", DataTypes.StringType, false),
        DataTypes.createStructField("scenario", DataTypes.StringType, false),
        DataTypes.createStructField("mode", DataTypes.StringType, false),
        DataTypes.createStructField("runs", DataTypes.IntegerType, false),
        DataTypes.createStructField("seed", DataTypes.LongType, false),
        DataTypes.createStructField("figure", DataTypes.StringType, false),
        DataTypes.createStructField("statistic", DataTypes.StringType, false),
        DataTypes.createStructField("value", DataTypes.DoubleType, false)});

    /** variants: per variant, its base scenario and overrides. */
    static final StructType VARIANTS = new StructType(new StructField[] {
        DataTypes.createStructField("variant", DataTypes.StringType, false),
        DataTypes.createStructField("scenario", DataTypes.StringType, false),
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("sets", DataTypes.StringType, false)});
}
