package io.lgc.artifact.container;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor: a name, an element type, a shape (row-major, outermost dimension first) and the
 * raw little-endian element bytes, exactly as stored in a section's safetensors payload.
 *
 * <p>{@code data} is not copied (weights can be large): treat it as read-only. {@code shape}
 * is copied in and out because it is small. Equality compares contents, not array identity.
 */
public record NamedTensor(String name, DType dtype, long[] shape, byte[] data) {

    /** Reserved by safetensors for the string map of a payload's metadata. */
    static final String METADATA_KEY = "__metadata__";

    public NamedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        checkName(name);
        shape = shape.clone();
        long expectedBytes;
        try {
            expectedBytes = Math.multiplyExact(elementCount(shape), dtype.bytes());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
                    + " overflows", e);
        }
        if (expectedBytes != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
                    + " of " + dtype + " needs " + expectedBytes + " bytes, data has " + data.length);
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tensor name is empty");
        }
        if (name.equals(METADATA_KEY)) {
            throw new IllegalArgumentException("tensor name " + METADATA_KEY + " is reserved by safetensors");
        }
        Utf8.encode(name, "tensor name '" + name + "'");
    }

    /** Product of the dimensions (1 for a scalar); ArithmeticException on overflow. */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    public static NamedTensor ofFloats(String name, long[] shape, float[] values) {
        ByteBuffer buf = allocate(values.length, DType.F32);
        buf.asFloatBuffer().put(values);
        return new NamedTensor(name, DType.F32, shape, buf.array());
    }

    public static NamedTensor ofDoubles(String name, long[] shape, double[] values) {
        ByteBuffer buf = allocate(values.length, DType.F64);
        buf.asDoubleBuffer().put(values);
        return new NamedTensor(name, DType.F64, shape, buf.array());
    }

    /** F16, each value rounded to the nearest half (ties to even); beyond ±65504 becomes ±infinity. */
    public static NamedTensor ofHalfs(String name, long[] shape, float[] values) {
        ByteBuffer buf = allocate(values.length, DType.F16);
        for (float v : values) {
            buf.putShort(HalfFloat.fromFloat(v));
        }
        return new NamedTensor(name, DType.F16, shape, buf.array());
    }

    /** I8: the bytes are the signed values themselves (copied). */
    public static NamedTensor ofInt8(String name, long[] shape, byte[] values) {
        return new NamedTensor(name, DType.I8, shape, values.clone());
    }

    /** U8: the bytes are read as unsigned 0..255 (copied). */
    public static NamedTensor ofUint8(String name, long[] shape, byte[] values) {
        return new NamedTensor(name, DType.U8, shape, values.clone());
    }

    public static NamedTensor ofInts(String name, long[] shape, int[] values) {
        ByteBuffer buf = allocate(values.length, DType.I32);
        buf.asIntBuffer().put(values);
        return new NamedTensor(name, DType.I32, shape, buf.array());
    }

    public static NamedTensor ofLongs(String name, long[] shape, long[] values) {
        ByteBuffer buf = allocate(values.length, DType.I64);
        buf.asLongBuffer().put(values);
        return new NamedTensor(name, DType.I64, shape, buf.array());
    }

    private static ByteBuffer allocate(int count, DType dtype) {
        return ByteBuffer.allocate(Math.multiplyExact(count, dtype.bytes())).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long elementCount() {
        return data.length / dtype.bytes();
    }

    /** Elements as floats: exact for F16, F32, I8, U8; rounded for F64, I32, I64 of large magnitude. */
    public float[] toFloats() {
        int n = (int) elementCount();
        float[] out = new float[n];
        ByteBuffer buf = littleEndian();
        switch (dtype) {
            case F32 -> buf.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloat.toFloat(buf.getShort());
                }
            }
            default -> {
                double[] wide = toDoubles();
                for (int i = 0; i < n; i++) {
                    out[i] = (float) wide[i];
                }
            }
        }
        return out;
    }

    /** Elements as doubles: exact for every dtype except I64 beyond 2^53. */
    public double[] toDoubles() {
        int n = (int) elementCount();
        double[] out = new double[n];
        ByteBuffer buf = littleEndian();
        for (int i = 0; i < n; i++) {
            out[i] = switch (dtype) {
                case F64 -> buf.getDouble();
                case F32 -> buf.getFloat();
                case F16 -> HalfFloat.toFloat(buf.getShort());
                case I8 -> buf.get();
                case U8 -> buf.get() & 0xff;
                case I32 -> buf.getInt();
                case I64 -> buf.getLong();
            };
        }
        return out;
    }

    /** Elements of an I8, U8 or I32 tensor as ints; other dtypes could lose values, so they are refused. */
    public int[] toInts() {
        int n = (int) elementCount();
        int[] out = new int[n];
        ByteBuffer buf = littleEndian();
        switch (dtype) {
            case I32 -> buf.asIntBuffer().get(out);
            case I8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.get();
                }
            }
            case U8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = buf.get() & 0xff;
                }
            }
            default -> throw new IllegalStateException("tensor '" + name + "' is " + dtype
                    + "; toInts() needs I8, U8 or I32");
        }
        return out;
    }

    /** Elements of any integer tensor as longs. */
    public long[] toLongs() {
        if (dtype == DType.I64) {
            long[] out = new long[(int) elementCount()];
            littleEndian().asLongBuffer().get(out);
            return out;
        }
        if (dtype.isFloatingPoint()) {
            throw new IllegalStateException("tensor '" + name + "' is " + dtype + "; toLongs() needs an integer dtype");
        }
        return Arrays.stream(toInts()).asLongStream().toArray();
    }

    private ByteBuffer littleEndian() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedTensor t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NamedTensor[" + name + ", " + dtype + Arrays.toString(shape) + ", " + data.length + " bytes]";
    }
}
