package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class DeflateStrategyTest {
    /** What deflate's default strategy alone makes of {@code data}, at the writer's level. */
    private static int defaultStrategyBytes(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(data);
            d.finish();
            byte[] out = new byte[data.length * 2 + 64];
            int n = 0;
            while (!d.finished()) {
                n += d.deflate(out, n, out.length - n);
            }
            return n;
        } finally {
            d.end();
        }
    }

    /** Weights rounded to 15 levels, as int4 stores them: few values, hardly any repeated strings. */
    private static byte[] int4Levels(int n) {
        Random r = new Random(9);
        byte[] q = new byte[n];
        for (int i = 0; i < n; i++) {
            q[i] = (byte) Math.max(-7, Math.min(7, Math.round(2.2 * r.nextGaussian())));
        }
        return q;
    }

    @Test
    void int4LevelsGetTheSmallerHuffmanOnlyStreamAndInflateBackExactly() throws Exception {
        byte[] q = int4Levels(40_000);
        byte[] stored = Deflate.compress(List.of(ByteBuffer.wrap(q)), Long.MAX_VALUE);
        assertThat(stored.length).isLessThan(defaultStrategyBytes(q) * 95 / 100);
        assertThat(Deflate.inflate(stored, 0, stored.length, q.length)).containsExactly(q);
    }

    @Test
    void repetitiveDataKeepsTheDefaultStrategysMuchSmallerStream() throws Exception {
        byte[] text = "the same sentence again and again. ".repeat(2_000).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = Deflate.compress(List.of(ByteBuffer.wrap(text)), Long.MAX_VALUE);
        assertThat(stored.length).isEqualTo(defaultStrategyBytes(text)).isLessThan(text.length / 50);
        assertThat(Deflate.inflate(stored, 0, stored.length, text.length)).containsExactly(text);
    }

    @Test
    void givesUpWhenNeitherStreamFitsTheLimit() {
        byte[] q = int4Levels(10_000);
        assertThat(Deflate.compress(List.of(ByteBuffer.wrap(q)), 100)).isNull();
    }
}
