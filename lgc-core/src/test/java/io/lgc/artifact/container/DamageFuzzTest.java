package io.lgc.artifact.container;

import static io.lgc.artifact.container.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random damage to a valid container (both codecs, every dtype): every variant must end in
 * ContainerFormatException naming the file, never in another exception, a hang or an OOM.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DamageFuzzTest {
    private static final String NAME = "fuzz/model.lgc";
    private static final byte[] VALID = ContainerWriter.toBytes(Fixtures.sample(), Codec.AUTO);
    private static final int RUNS = 1000;

    @Test
    void fixtureIsValidAndUsesBothCodecs() {
        assertThat(ContainerReader.read(VALID, NAME)).isEqualTo(Fixtures.sample());
        assertThat(ContainerReader.verify(VALID, NAME).sectionCodecs()).containsValues("none", "deflate");
        assertThat(VALID.length).isGreaterThan(RUNS); // so the exhaustive loops below are >= RUNS cases
    }

    @Test
    void everyTruncationIsRejected() {
        for (int length = 0; length < VALID.length; length++) {
            assertRejected(Arrays.copyOf(VALID, length), NAME);
        }
    }

    @Test
    void randomTruncationsAreRejected() {
        Random random = new Random(11);
        for (int i = 0; i < RUNS; i++) {
            assertRejected(Arrays.copyOf(VALID, random.nextInt(VALID.length)), NAME);
        }
    }

    @Test
    void randomByteFlipsAreRejected() {
        Random random = new Random(12);
        for (int i = 0; i < RUNS; i++) {
            byte[] damaged = VALID.clone();
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            assertRejected(damaged, NAME);
        }
    }

    @Test
    void aFlippedBitAtEveryPositionIsRejected() {
        Random random = new Random(13);
        for (int position = 0; position < VALID.length; position++) {
            byte[] damaged = VALID.clone();
            damaged[position] ^= (byte) (1 << random.nextInt(8));
            assertRejected(damaged, NAME);
        }
    }

    @Test
    void randomOverwrittenRunsAreRejected() {
        Random random = new Random(14);
        for (int i = 0; i < RUNS; i++) {
            byte[] damaged = VALID.clone();
            int start = random.nextInt(damaged.length);
            int length = 1 + random.nextInt(Math.min(64, damaged.length - start));
            byte[] noise = new byte[length];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, damaged, start, length);
            if (!Arrays.equals(damaged, VALID)) {
                assertRejected(damaged, NAME);
            }
        }
    }

    @Test
    void insertedAndAppendedBytesAreRejected() {
        Random random = new Random(15);
        for (int i = 0; i < RUNS; i++) {
            int at = random.nextInt(VALID.length + 1);
            byte[] extra = new byte[1 + random.nextInt(16)];
            random.nextBytes(extra);
            byte[] damaged = RawContainer.concat(Arrays.copyOf(VALID, at), extra,
                    Arrays.copyOfRange(VALID, at, VALID.length));
            assertRejected(damaged, NAME);
        }
    }
}
