package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.container.Codec;
import io.lgc.data.Dataset;
import io.lgc.eval.SyntheticImages;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressing to a byte budget as a library call: the file stored as returned fits, the search says
 * each setting it trains, a file that comes out too large gives way to the next setting, and a budget
 * nothing fits is refused before any training.
 */
class BudgetCompressorTest {
    /** 200 8x8 images of ten classes: fewer than the basis's threshold, so the PCA settings are chosen. */
    private static final Dataset BANDS = SyntheticImages.bands(20, 10, 8, 5);
    private static final SourceInfo SOURCE = new SourceInfo("bands", "idx", null, 12_800);
    private static final CompressionConfig BASE = new CompressionConfig(
            new AutoencoderConfig(16, 32, new FitConfig(1, 32, 1e-3, 7), 0.1, FeatureMatching.OFF),
            MixtureSettings.fixed(5, CovarianceType.FULL, 1), 7);

    /** Every event of the search, in order, as text. */
    private static final class Heard implements BudgetCompressor.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void choosing(MeasuredSettings.Choice choice, boolean retry) {
            events.add((retry ? "retry " : "choose ") + choice.setting().describe());
        }

        @Override
        public void refitting(long bytes, MeasuredSettings.Setting next) {
            events.add("refit " + next.describe());
        }

        @Override
        public void trainingNext(long bytes, String why) {
            events.add("next after " + bytes + ": " + why);
        }
    }

    @Test
    void theFileStoredAsReturnedFitsAndIsTheFirstChoiceWhenItFits(@TempDir Path dir) {
        Heard heard = new Heard();
        BudgetCompressor.Budgeted made = BudgetCompressor.compress(BANDS, SOURCE, "bands", 12_000, BASE,
                BudgetCompressor.Options.AS_MEASURED, Progress.silent(), heard);
        MeasuredSettings.Choice first = MeasuredSettings.forBudget(12_000, BANDS, SOURCE, BASE, List.of(),
                MeasuredSettings.Training.AS_MEASURED).orElseThrow();

        assertThat(heard.events).containsExactly("choose " + first.setting().describe());
        assertThat(made.setting()).isEqualTo(first.setting());
        assertThat(made.result().dataset().metadata().latentDim()).isEqualTo(first.setting().latentDim());
        Path file = dir.resolve("budget.lgc");
        ArtifactFile.write(file, made.result().dataset(), made.storage());
        assertThat(file).satisfies(f -> assertThat(Files.size(f)).isLessThanOrEqualTo(12_000)
                .isEqualTo(ArtifactFile.storedBytes(made.result().dataset(), made.storage(), Codec.AUTO)));
    }

    @Test
    void aFileThatComesOutLargerGivesWayToTheNextMeasuredSetting() {
        Dataset flat = SyntheticImages.nearlyConstantClasses();
        Heard heard = new Heard();
        BudgetCompressor.Budgeted made = BudgetCompressor.compress(flat, SOURCE, "flat", 30_000, BASE,
                BudgetCompressor.Options.AS_MEASURED, Progress.silent(), heard);

        assertThat(heard.events).hasSize(3);
        assertThat(heard.events.get(0)).startsWith("choose pca, latent 32, 5 components per class");
        assertThat(heard.events.get(1)).matches("next after (\\d+): its mixtures stay fp32: fp16 would move a class"
                + " by .* nats").satisfies(e -> assertThat(Long.parseLong(e.replaceAll("\\D*(\\d+):.*", "$1")))
                        .isGreaterThan(30_000));
        assertThat(heard.events.get(2)).startsWith("retry pca, latent 32, 1 component per class");
        assertThat(made.setting().components()).isEqualTo(1);
        StoragePrecision stored = made.storage();
        assertThat(ArtifactFile.storedBytes(made.result().dataset(), stored, Codec.AUTO)).isLessThanOrEqualTo(30_000);
    }

    @Test
    void aSpreadGivenIsRecordedInsteadOfTheSettingsOwn() {
        BudgetCompressor.Budgeted plain = BudgetCompressor.compress(BANDS, SOURCE, "bands", 12_000, BASE,
                BudgetCompressor.Options.AS_MEASURED, Progress.silent(), new BudgetCompressor.Listener() { });
        BudgetCompressor.Budgeted wide = BudgetCompressor.compress(BANDS, SOURCE, "bands", 12_000, BASE,
                new BudgetCompressor.Options(MeasuredSettings.Training.AS_MEASURED, false, 1.7, 1), Progress.silent(),
                new BudgetCompressor.Listener() { });

        assertThat(plain.result().dataset().metadata().drawSpread()).isEmpty(); // the PCA settings record none
        assertThat(wide.result().dataset().metadata().drawSpread()).hasValue(1.7);
    }

    @Test
    void aBudgetNothingFitsIsRefusedBeforeAnyTraining() {
        Heard heard = new Heard();
        assertThatThrownBy(() -> BudgetCompressor.compress(BANDS, SOURCE, "bands", 100, BASE,
                BudgetCompressor.Options.AS_MEASURED, Progress.silent(), heard))
                .isInstanceOfSatisfying(ParameterException.class,
                        e -> assertThat(e.parameters()).containsExactly(Parameter.BUDGET));
        assertThat(heard.events).isEmpty();
    }
}
