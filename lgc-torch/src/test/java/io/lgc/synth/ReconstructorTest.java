package io.lgc.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReconstructorTest {
    private static final CompressedDataset ARTIFACT = TinyArtifacts.tiny();
    /** 3 classes × 700: batches of 999, 999 and 102 samples. */
    private static final SamplingPlan PLAN = SamplingPlan.uniform(3, 700, 4, SamplingPlan.DEFAULT_SPREAD);

    @Test
    void theSinkGetsEveryBatchOnceAndInOrder() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (SampleBatches batches = new SampleBatches(ARTIFACT, PLAN)) {
            while (batches.hasNext()) {
                expected.writeBytes(((Dataset) batches.next()).pixels());
            }
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Reconstructor.reconstruct(ARTIFACT, PLAN, (pixels, labels) -> received.writeBytes(pixels), Progress.silent());
        assertThat(received.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void theNextBatchIsDecodedWhileTheSinkTakesOne() {
        CountDownLatch secondDecoded = new CountDownLatch(1);
        Progress progress = new Progress() {
            @Override
            public void update(String task, long done, long total, long startNanos) {
                if (done > 999) {
                    secondDecoded.countDown();
                }
            }

            @Override
            public void line(String text) {
            }
        };
        List<Boolean> overlapped = new ArrayList<>();
        Reconstructor.reconstructBatches(ARTIFACT, PLAN, batch -> {
            if (overlapped.isEmpty()) {
                try {
                    // Run one after the other, this would wait for a batch that never comes.
                    overlapped.add(secondDecoded.await(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, progress);
        assertThat(overlapped).containsExactly(true);
    }

    @Test
    void whatTheSinkThrowsSurfacesUnchanged() {
        UncheckedIOException full = new UncheckedIOException(new IOException("No space left on device"));
        List<LabelledData> seen = new ArrayList<>();
        assertThatThrownBy(() -> Reconstructor.reconstructBatches(ARTIFACT, PLAN, batch -> {
            seen.add(batch);
            if (seen.size() == 2) {
                throw full;
            }
        }, Progress.silent())).isSameAs(full);
    }
}
