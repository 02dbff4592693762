package io.lgc.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a table as its file had them: every column name in file order, and which one
 * holds the label. The others are the features, in file order; writing a table back puts the
 * label where it was, so the output has the columns of the input.
 *
 * @param names every column, label included, unique and non-blank
 * @param labelIndex position of the label column in {@code names}
 */
public record TableColumns(List<String> names, int labelIndex) implements SampleLayout {
    public TableColumns {
        names = List.copyOf(names);
        if (names.size() < 2) {
            throw new IllegalArgumentException("a table needs a label column and at least one feature column, got "
                    + names.size() + " column" + (names.size() == 1 ? "" : "s"));
        }
        if (labelIndex < 0 || labelIndex >= names.size()) {
            throw new IllegalArgumentException("label column " + labelIndex + " outside 0.." + (names.size() - 1));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                throw new IllegalArgumentException("column " + (i + 1) + " has no name");
            }
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                throw new IllegalArgumentException("columns " + (earlier + 1) + " and " + (i + 1) + " are both named '"
                        + name + "'");
            }
        }
    }

    /** Feature columns after the label: the usual layout, label last. */
    public static TableColumns labelLast(List<String> features, String label) {
        List<String> all = new ArrayList<>(features);
        all.add(label);
        return new TableColumns(all, features.size());
    }

    /** The feature columns' names, in file order. */
    public List<String> features() {
        List<String> out = new ArrayList<>(names);
        out.remove(labelIndex);
        return List.copyOf(out);
    }

    public String labelName() {
        return names.get(labelIndex);
    }

    /** Number of features. */
    @Override
    public int size() {
        return names.size() - 1;
    }

    @Override
    public long[] tensorShape() {
        return new long[] {size()};
    }

    @Override
    public String toString() {
        return size() + " features + label '" + labelName() + "'";
    }
}
