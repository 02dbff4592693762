package io.lgc.spark;

import io.lgc.api.Lgc;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A convenience for the command line: a Parquet table as Spark reads it, or any dataset
 * {@code lgc compress} reads (IDX, image folders, CIFAR, npz, CSV, a known name), read on the driver
 * and handed to Spark as (label, image PNG bytes) or (label, features). The second path holds the
 * data on the driver, so it is for data one machine reads anyway; big data comes as Parquet.
 */
public final class TableReader {
    private TableReader() {
    }

    /** A table and the columns to compress. */
    public record Input(org.apache.spark.sql.Dataset<Row> table, InputColumns columns) {
    }

    /**
     * Reads {@code input}: Parquet when it has a URI scheme (hdfs://, s3a://), ends in .parquet or is a
     * directory of Parquet files; otherwise as {@code lgc compress} reads it.
     *
     * @param columns the columns to compress for a Parquet table (the others have their own)
     */
    public static Input read(SparkSession spark, String input, InputColumns columns) {
        if (isParquet(input)) {
            return new Input(spark.read().parquet(input), columns);
        }
        LabelledData data = Lgc.read(input);
        List<Row> rows = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("label", DataTypes.StringType, false));
        int[] labels = data.labels();
        if (data instanceof Dataset images) {
            fields.add(DataTypes.createStructField("image", DataTypes.BinaryType, false));
            int size = images.shape().size();
            for (int i = 0; i < labels.length; i++) {
                rows.add(RowFactory.create(data.classNames().get(labels[i]),
                        ImageCodec.png(images.pixels(), i * size, images.shape())));
            }
            return new Input(spark.createDataFrame(rows, DataTypes.createStructType(fields)),
                    InputColumns.images("label", "image"));
        }
        Table table = (Table) data;
        List<String> names = table.columns().features();
        names.forEach(name -> fields.add(DataTypes.createStructField(name, DataTypes.FloatType, false)));
        int f = names.size();
        for (int i = 0; i < labels.length; i++) {
            Object[] row = new Object[f + 1];
            row[0] = data.classNames().get(labels[i]);
            for (int j = 0; j < f; j++) {
                row[j + 1] = table.values()[i * f + j];
            }
            rows.add(RowFactory.create(row));
        }
        return new Input(spark.createDataFrame(rows, DataTypes.createStructType(fields)),
                InputColumns.features("label", names));
    }

    /** Whether {@link #read} reads {@code input} as Parquet. */
    public static boolean isParquet(String input) {
        if (input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return true;
        }
        if (input.endsWith(".parquet")) {
            return true;
        }
        Path path = Path.of(input);
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (var files = Files.walk(path, 3)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
