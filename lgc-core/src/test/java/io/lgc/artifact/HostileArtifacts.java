package io.lgc.artifact;

import io.lgc.artifact.container.RawContainer;
import io.lgc.artifact.container.Format;
import io.lgc.artifact.container.ContainerWriter;
import io.lgc.artifact.container.Container;
import io.lgc.artifact.container.Codec;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Forged artifacts that a reader must refuse before allocating what they ask for; used by the
 * tests and, through {@link #main}, by bench/hostile-inputs.sh.
 */
final class HostileArtifacts {
    private HostileArtifacts() {
    }

    /** A zlib stream of {@code length} zero bytes, built without holding them. */
    static byte[] deflatedZeros(long length) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] chunk = new byte[1 << 16];
        for (long left = length; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(left, zeros.length));
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A real artifact plus a section "bomb" that truly inflates to 1 MiB more than the reader's limit. */
    static byte[] deflateBomb() {
        long inflated = Format.MAX_INFLATED_BYTES + (1 << 20);
        RawContainer raw = RawContainer.parse(ContainerWriter.toBytes(
                ArtifactFile.toContainer(TinyArtifacts.tiny(), Precision.FP32), Codec.NONE));
        raw.sections.add(new RawContainer.RawSection("bomb", 1, inflated, deflatedZeros(inflated)));
        return raw.toBytes();
    }

    /** Each layer within the old per-layer bound (2^26 values), together far beyond what one sample may take. */
    static NetworkSpec wideDecoder() {
        return new NetworkSpec(new long[] {4}, List.of(new Layer.Linear(4, 4),
                new Layer.Reshape(new long[] {1, 2, 2}), new Layer.Upsample(2048),
                new Layer.Conv2d(1, 4, 3, 1, 1), new Layer.ChannelGroupMean(1)));
    }

    /** Small activations, but a sample of 2896 x 2896 values: a batch of them would take gigabytes. */
    static NetworkSpec bigSampleDecoder() {
        return new NetworkSpec(new long[] {4}, List.of(new Layer.Linear(4, 4),
                new Layer.Reshape(new long[] {1, 2, 2}), new Layer.Upsample(1448)));
    }

    /** A container (checksums intact) holding an artifact with this decoder and seeded random weights. */
    static Container withDecoder(NetworkSpec decoder) {
        long[] out = decoder.outputShape();
        ImageShape image = new ImageShape((int) out[0], (int) out[1], (int) out[2]);
        CompressedDataset data = new CompressedDataset(
                TinyArtifacts.metadata(decoder, image, TinyArtifacts.CLASSES, CovarianceType.DIAG),
                TinyArtifacts.randomMixtures(3, 1, 4, CovarianceType.DIAG, 1), TinyArtifacts.randomWeights(decoder, 1));
        return ArtifactFile.assemble(data, StoragePrecision.FP32);
    }

    /** Writes bomb.lgc, wide-decoder.lgc and big-sample.lgc into the directory given. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.write(dir.resolve("bomb.lgc"), deflateBomb());
        ContainerWriter.write(dir.resolve("wide-decoder.lgc"), withDecoder(wideDecoder()), Codec.AUTO);
        ContainerWriter.write(dir.resolve("big-sample.lgc"), withDecoder(bigSampleDecoder()), Codec.AUTO);
    }
}
