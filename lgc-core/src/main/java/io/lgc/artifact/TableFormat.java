package io.lgc.artifact;

import io.lgc.data.FeatureScaling;
import io.lgc.data.SampleLayout;
import io.lgc.data.Table;
import io.lgc.data.TableColumns;
import java.util.List;
import java.util.Objects;

/**
 * Decoder outputs are standardised table rows: {@code scaling} turns them back into the source's
 * units, and {@code columns} names them (with the label column, where the source had it).
 */
public record TableFormat(TableColumns columns, FeatureScaling scaling) implements SampleFormat {
    public static final String KIND = "table";

    public TableFormat {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(scaling, "scaling");
        if (scaling.features() != columns.size()) {
            throw new IllegalArgumentException("feature scaling covers " + scaling.features() + " features, the table"
                    + " has " + columns.size());
        }
    }

    @Override
    public SampleLayout layout() {
        return columns;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Table samples(float[] outputs, int[] labels, List<String> classNames) {
        return new Table(scaling.restore(outputs), labels, classNames, columns);
    }
}
