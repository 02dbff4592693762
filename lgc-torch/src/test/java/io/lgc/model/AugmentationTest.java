package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.model.Augmentation.Transform;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final ImageShape GRAY = new ImageShape(1, 12, 12);
    private static final ImageShape RGB = new ImageShape(3, 12, 12);

    @Test
    void changesABatchAndKeepsItsShapeAndRange() {
        Dataset data = TinyData.bars(4, 3, 1);
        int[] order = Batches.identity(data.size());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray plain = Batches.inputs(manager, data, order, 0, data.size());
            NDArray augmented = Batches.inputs(manager, data, order, 0, data.size(),
                    Augmentation.forImages(data.shape(), 1));
            assertThat(augmented.getShape()).isEqualTo(new Shape(12, 1, 12, 12));
            float[] before = plain.toFloatArray();
            float[] after = augmented.toFloatArray();
            assertThat(after).isNotEqualTo(before);
            assertInRange(after);
        }
    }

    @Test
    void everyTransformChangesImagesAndKeepsValuesInRange() {
        for (Transform transform : Transform.values()) {
            Augmentation augmentation = Augmentation.forImages(RGB, 3);
            float[] batch = images(RGB, 8, 5);
            float[] original = batch.clone();
            for (int i = 0; i < 8; i++) {
                augmentation.apply(transform, batch, i * RGB.size());
            }
            assertThat(batch).as(transform.name()).isNotEqualTo(original);
            assertInRange(batch);
        }
    }

    @Test
    void sameSeedSameChangesOtherSeedOtherChanges() {
        float[] a = images(GRAY, 16, 7);
        float[] b = a.clone();
        float[] c = a.clone();
        Augmentation.forImages(GRAY, 11).apply(a, 16);
        Augmentation.forImages(GRAY, 11).apply(b, 16);
        Augmentation.forImages(GRAY, 12).apply(c, 16);
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void successiveBatchesGetFreshDraws() {
        Augmentation augmentation = Augmentation.forImages(GRAY, 4);
        float[] first = images(GRAY, 8, 2);
        float[] second = first.clone();
        augmentation.apply(first, 8);
        augmentation.apply(second, 8);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void grayImagesAreNeitherFlippedNorColouredRgbImagesAre() {
        assertThat(Augmentation.forImages(GRAY, 1).transforms())
                .containsExactly(Transform.SCALE, Transform.ROTATE, Transform.CROP, Transform.CUTOUT);
        assertThat(Augmentation.forImages(RGB, 1).transforms()).containsExactly(Transform.values());
    }

    @Test
    void cropMovesContentByWholePixelsOfAtMostAnEighthOfTheSide() {
        ImageShape shape = new ImageShape(1, 16, 16); // shifts of up to 2 pixels either way
        Augmentation augmentation = Augmentation.forImages(shape, 9);
        boolean moved = false;
        for (int trial = 0; trial < 20; trial++) {
            float[] image = new float[shape.size()];
            image[8 * 16 + 8] = 0.75f;
            augmentation.apply(Transform.CROP, image, 0);
            int lit = -1;
            for (int p = 0; p < image.length; p++) {
                if (image[p] != 0) {
                    assertThat(lit).as("one lit pixel").isEqualTo(-1);
                    assertThat(image[p]).isEqualTo(0.75f);
                    lit = p;
                }
            }
            assertThat(Math.abs(lit / 16 - 8)).isLessThanOrEqualTo(2);
            assertThat(Math.abs(lit % 16 - 8)).isLessThanOrEqualTo(2);
            moved |= lit != 8 * 16 + 8;
        }
        assertThat(moved).isTrue();
    }

    @Test
    void noneChangesNothing() {
        float[] batch = images(RGB, 4, 1);
        float[] original = batch.clone();
        Augmentation.none().apply(batch, 4);
        assertThat(batch).isEqualTo(original);
        assertThat(Augmentation.none().enabled()).isFalse();
    }

    /** Noisy images with a bright off-centre block, so that every transform has something to move. */
    private static float[] images(ImageShape shape, int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count * shape.size()];
        int side = shape.width();
        for (int i = 0; i < count; i++) {
            for (int ch = 0; ch < shape.channels(); ch++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        boolean block = y >= 2 && y < 7 && x >= 3 && x < 9;
                        float v = (block ? 0.6f : 0.05f) + 0.3f * random.nextFloat() + 0.02f * ch;
                        values[i * shape.size() + ch * side * side + y * side + x] = v;
                    }
                }
            }
        }
        return values;
    }

    private static void assertInRange(float[] values) {
        for (float v : values) {
            assertThat(v).isBetween(0f, 1f);
        }
    }
}
