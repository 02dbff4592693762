package io.lgc.artifact.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named group of tensors plus a string map, stored as one safetensors payload.
 *
 * <p>{@code origin} is the display name of the file the section was read from (null when built
 * in memory). It exists only so lookups can name the file in their errors, and is deliberately
 * left out of equality. Tensor order is preserved; metadata is kept sorted by key.
 */
public record Section(String name, List<NamedTensor> tensors, Map<String, String> metadata, String origin) {

    /** UTF-8 bytes a section name may take (the format stores it behind a u16, this is a sanity cap). */
    public static final int MAX_NAME_BYTES = 255;

    public Section {
        Objects.requireNonNull(name, "name");
        checkName(name);
        tensors = List.copyOf(tensors);
        checkUniqueTensorNames(name, tensors);
        metadata = sortedCopy(name, metadata);
    }

    public Section(String name, List<NamedTensor> tensors, Map<String, String> metadata) {
        this(name, tensors, metadata, null);
    }

    public Section(String name, List<NamedTensor> tensors) {
        this(name, tensors, Map.of(), null);
    }

    static void checkName(String name) {
        int bytes = Utf8.encode(name, "section name '" + name + "'").length;
        if (bytes == 0 || bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("section name '" + name + "' must take 1.." + MAX_NAME_BYTES
                    + " UTF-8 bytes, takes " + bytes);
        }
    }

    private static void checkUniqueTensorNames(String section, List<NamedTensor> tensors) {
        Set<String> seen = new HashSet<>();
        for (NamedTensor t : tensors) {
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException("section '" + section + "' has two tensors named '" + t.name() + "'");
            }
        }
    }

    private static Map<String, String> sortedCopy(String section, Map<String, String> metadata) {
        Map<String, String> sorted = new TreeMap<>();
        metadata.forEach((k, v) -> {
            Objects.requireNonNull(k, "metadata key");
            Objects.requireNonNull(v, "metadata value");
            Utf8.encode(k, "section '" + section + "' metadata key");
            Utf8.encode(v, "section '" + section + "' metadata value of '" + k + "'");
            sorted.put(k, v);
        });
        return Collections.unmodifiableMap(sorted);
    }

    /** The tensor called {@code tensorName}; ContainerFormatException naming the file if absent. */
    public NamedTensor tensor(String tensorName) {
        for (NamedTensor t : tensors) {
            if (t.name().equals(tensorName)) {
                return t;
            }
        }
        throw problem("no tensor '" + tensorName + "' (has " + tensorNames() + ")");
    }

    /** The tensor called {@code tensorName}, which must have the given dtype (any shape). */
    public NamedTensor tensor(String tensorName, DType dtype) {
        NamedTensor t = tensor(tensorName);
        if (t.dtype() != dtype) {
            throw problem("tensor '" + tensorName + "' is " + t.dtype() + ", expected " + dtype);
        }
        return t;
    }

    /**
     * The tensor called {@code tensorName} with the given dtype and shape; a dimension given as
     * -1 matches any size. Saves every caller from writing the same checks and messages.
     */
    public NamedTensor tensor(String tensorName, DType dtype, long... expectedShape) {
        NamedTensor t = tensor(tensorName, dtype);
        long[] shape = t.shape();
        boolean matches = shape.length == expectedShape.length;
        for (int i = 0; matches && i < shape.length; i++) {
            matches = expectedShape[i] == -1 || expectedShape[i] == shape[i];
        }
        if (!matches) {
            throw problem("tensor '" + tensorName + "' has shape " + Arrays.toString(shape)
                    + ", expected " + Arrays.toString(expectedShape).replace("-1", "*"));
        }
        return t;
    }

    /** As {@link #tensor(String, DType, long...)}, for a tensor that may be stored in either of two dtypes. */
    public NamedTensor tensor(String tensorName, DType dtype, DType other, long... expectedShape) {
        DType actual = tensor(tensorName).dtype();
        if (actual != dtype && actual != other) {
            throw problem("tensor '" + tensorName + "' is " + actual + ", expected " + dtype + " or " + other);
        }
        return tensor(tensorName, actual, expectedShape);
    }

    /** The metadata value for {@code key}; ContainerFormatException naming the file if absent. */
    public String requireMetadata(String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw problem("no metadata entry '" + key + "'");
        }
        return value;
    }

    public List<String> tensorNames() {
        List<String> names = new ArrayList<>(tensors.size());
        tensors.forEach(t -> names.add(t.name()));
        return names;
    }

    /** A copy of this section that reports {@code newOrigin} as its file. */
    Section withOrigin(String newOrigin) {
        return new Section(name, tensors, metadata, newOrigin);
    }

    private ContainerFormatException problem(String what) {
        return new ContainerFormatException(origin, "section '" + name + "': " + what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Section s && name.equals(s.name) && tensors.equals(s.tensors)
                && metadata.equals(s.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, tensors, metadata);
    }

    @Override
    public String toString() {
        return "Section[" + name + ", tensors=" + tensors + ", metadata=" + metadata + "]";
    }
}
