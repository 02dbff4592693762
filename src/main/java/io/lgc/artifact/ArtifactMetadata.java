package io.lgc.artifact;

import com.google.gson.JsonObject;
import io.lgc.data.ImageShape;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.NetworkSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a receiver needs besides the tensors: what the classes are, what a sample looks like,
 * how to turn decoder outputs into pixels, and where the file came from.
 *
 * @param classCounts training samples per class in the source data (the default class proportions)
 * @param mixtureReport per-class choices made while fitting (chosen K, BIC curves, warnings)
 * @param provenance tool version, configuration, seed, source digest, training losses
 */
public record ArtifactMetadata(List<String> classNames, int[] classCounts, ImageShape sampleShape,
        PixelScaling scaling, int latentDim, CovarianceType covarianceType, NetworkSpec decoder,
        JsonObject mixtureReport, JsonObject provenance) {
    public ArtifactMetadata {
        classNames = List.copyOf(classNames);
        classCounts = classCounts.clone();
        mixtureReport = mixtureReport.deepCopy();
        provenance = provenance.deepCopy();
        if (classNames.isEmpty() || classCounts.length != classNames.size()) {
            throw new IllegalArgumentException("need one count per class, got " + classNames.size()
                    + " names and " + classCounts.length + " counts");
        }
        if (decoder.inputShape().length != 1 || decoder.inputShape()[0] != latentDim) {
            throw new IllegalArgumentException("decoder input " + Arrays.toString(decoder.inputShape())
                    + " does not match latent dimension " + latentDim);
        }
        long[] out = decoder.outputShape();
        long[] expected = {sampleShape.channels(), sampleShape.height(), sampleShape.width()};
        if (!Arrays.equals(out, expected)) {
            throw new IllegalArgumentException("decoder output " + Arrays.toString(out)
                    + " does not match sample shape " + sampleShape);
        }
    }

    @Override
    public int[] classCounts() {
        return classCounts.clone();
    }

    @Override
    public JsonObject mixtureReport() {
        return mixtureReport.deepCopy();
    }

    @Override
    public JsonObject provenance() {
        return provenance.deepCopy();
    }

    public int numClasses() {
        return classNames.size();
    }
}
