package io.lgc.spark;

import io.lgc.InputException;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.data.TableColumns;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns rows of a Spark table into LGC's in-memory data, batch by batch: the columns are checked
 * against the schema once, on the driver; executors get this object and read their rows with it.
 * Rows are first projected to {@link #columns()}: the label, then the image or the features.
 */
final class RowReader implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Kind { IMAGE_BYTES, PIXEL_ARRAY, FEATURES }

    private final Kind kind;
    private final String label;
    private final List<String> values;
    /** Channels, height, width of the images; null until known (ImageShape is not serializable). */
    private final int[] dims;

    private RowReader(Kind kind, String label, List<String> values, ImageShape shape) {
        this.kind = kind;
        this.label = label;
        this.values = List.copyOf(values);
        this.dims = shape == null ? null : new int[] {shape.channels(), shape.height(), shape.width()};
    }

    /** Checks {@code columns} against {@code schema}; InputException naming the column otherwise. */
    static RowReader resolve(StructType schema, InputColumns columns, String source) {
        field(schema, columns.label(), source);
        if (columns.image() != null) {
            DataType type = field(schema, columns.image(), source).dataType();
            if (type instanceof BinaryType) {
                return new RowReader(Kind.IMAGE_BYTES, columns.label(), List.of(columns.image()), null);
            }
            if (type instanceof ArrayType array && array.elementType() instanceof NumericType) {
                return new RowReader(Kind.PIXEL_ARRAY, columns.label(), List.of(columns.image()), columns.shape());
            }
            throw new InputException(source + ": image column '" + columns.image() + "' is " + type.simpleString()
                    + ", expected binary (PNG/JPEG bytes) or an array of pixel values");
        }
        List<String> features = new ArrayList<>(columns.features());
        if (features.isEmpty()) {
            for (StructField f : schema.fields()) {
                if (!f.name().equals(columns.label()) && f.dataType() instanceof NumericType) {
                    features.add(f.name());
                }
            }
            if (features.isEmpty()) {
                throw new InputException(source + ": no numeric column besides the label '" + columns.label()
                        + "' and no image column given");
            }
        }
        for (String name : features) {
            DataType type = field(schema, name, source).dataType();
            if (!(type instanceof NumericType)) {
                throw new InputException(source + ": feature column '" + name + "' is " + type.simpleString()
                        + ", expected a number");
            }
        }
        return new RowReader(Kind.FEATURES, columns.label(), features, null);
    }

    private static StructField field(StructType schema, String name, String source) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new InputException(source + ": no column '" + name + "' (columns: "
                    + String.join(", ", schema.fieldNames()) + ")");
        }
        return schema.apply(name);
    }

    Kind kind() {
        return kind;
    }

    String labelColumn() {
        return label;
    }

    /** The projection the other methods read: label first. */
    Column[] columns() {
        Column[] out = new Column[values.size() + 1];
        out[0] = functions.col(label);
        for (int i = 0; i < values.size(); i++) {
            out[i + 1] = functions.col(values.get(i));
        }
        return out;
    }

    /** This reader with the image shape fixed (from the first image of the sample). */
    RowReader withShape(ImageShape fixed) {
        return new RowReader(kind, label, values, fixed);
    }

    ImageShape shape() {
        return dims == null ? null : new ImageShape(dims[0], dims[1], dims[2]);
    }

    /** The shape of the images the first projected row holds, when none was given. */
    ImageShape shapeOf(Row first) {
        if (dims != null || kind == Kind.FEATURES) {
            return shape();
        }
        if (kind == Kind.IMAGE_BYTES) {
            return ImageCodec.shapeOf(ImageCodec.read((byte[]) first.get(1), "label " + first.get(0)));
        }
        int size = first.getList(1).size();
        int side = (int) Math.round(Math.sqrt(size));
        if (side * side != size) {
            throw new InputException("pixel arrays of " + size + " values are no square gray image: give the shape");
        }
        return new ImageShape(1, side, side);
    }

    /** The class name of a projected row: its label as text. */
    static String className(Row row) {
        Object value = row.get(0);
        if (value == null) {
            throw new InputException("a row has no label (null)");
        }
        return value.toString();
    }

    /** Projected rows as a dataset of images or a table, labels indexed by {@code classIndex}. */
    LabelledData batch(List<Row> rows, List<String> classNames, Map<String, Integer> classIndex) {
        int[] labels = new int[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            Integer index = classIndex.get(className(rows.get(i)));
            if (index == null) {
                throw new InputException("label '" + className(rows.get(i)) + "' is not among the classes "
                        + classNames);
            }
            labels[i] = index;
        }
        if (kind == Kind.FEATURES) {
            return new Table(features(rows), labels, classNames, TableColumns.labelLast(values, label));
        }
        ImageShape shape = shape();
        int size = shape.size();
        byte[] pixels = new byte[rows.size() * size];
        for (int i = 0; i < labels.length; i++) {
            Row row = rows.get(i);
            String what = "image of a row labelled '" + className(row) + "'";
            if (kind == Kind.IMAGE_BYTES) {
                ImageCodec.pixels(ImageCodec.read((byte[]) row.get(1), what), shape, pixels, i * size, what);
            } else {
                copyPixels(row.getList(1), size, pixels, i * size, what);
            }
        }
        return new Dataset(pixels, labels, classNames, shape);
    }

    private void copyPixels(List<Object> values, int size, byte[] into, int offset, String what) {
        if (values.size() != size) {
            throw new InputException(what + " has " + values.size() + " pixel values, expected " + size
                    + " (" + shape() + ")");
        }
        for (int j = 0; j < values.size(); j++) {
            Object v = values.get(j);
            double pixel = v == null ? Double.NaN : ((Number) v).doubleValue();
            if (!(pixel >= 0 && pixel <= 255)) {
                throw new InputException(what + " has pixel value " + v + ", expected 0-255");
            }
            into[offset + j] = (byte) Math.round(pixel);
        }
    }

    private float[] features(List<Row> rows) {
        int f = values.size();
        float[] out = new float[rows.size() * f];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            for (int j = 0; j < f; j++) {
                Object v = row.get(j + 1);
                double x = v == null ? Double.NaN : ((Number) v).doubleValue();
                if (!Double.isFinite(x)) {
                    throw new InputException("feature '" + values.get(j) + "' of a row labelled '" + className(row)
                            + "' is " + v + ": features must be finite numbers");
                }
                out[i * f + j] = (float) x;
            }
        }
        return out;
    }
}
