package io.lgc.gmm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reference fits by scikit-learn, written by tools/fixtures/make_gmm_fixtures.py: per dataset, the
 * data and, per case, the initial parameters and sklearn's results.
 */
final class SklearnFixtures {
    static final List<String> DATASETS =
            List.of("separated", "overlapping", "anisotropic", "near_singular", "high_dim");

    private SklearnFixtures() {
    }

    /** One sklearn fit: the data, its settings and initial parameters, and what sklearn found. */
    record Case(String dataset, double[][] x, CovarianceType type, int components, double tol,
                double regCovar, int maxIter, double[] weightsInit, double[][] meansInit,
                double[] precisionsInit, Map<String, Object> expected) {
        GmmConfig config() {
            return GmmConfig.builder().components(components).covarianceType(type).tol(tol)
                    .regCovar(regCovar).maxIter(maxIter).build();
        }

        GaussianMixture start() {
            return GaussianMixture.fromPrecisions(type, weightsInit, meansInit, precisionsInit);
        }

        double[] expectedVector(String key) {
            return Json.vector(expected.get(key));
        }

        double expectedNumber(String key) {
            return Json.number(expected.get(key));
        }

        @Override
        public String toString() {
            return dataset + "/" + type.label() + "/maxIter=" + maxIter + "/reg=" + regCovar;
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String name : DATASETS) {
            Map<String, Object> doc = Json.object(Json.parse(read("/gmm/" + name + ".json")));
            double[][] x = Json.matrix(doc.get("x"));
            for (Object item : Json.list(doc.get("cases"))) {
                Map<String, Object> c = Json.object(item);
                cases.add(new Case(name, x, CovarianceType.parse((String) c.get("covariance_type")),
                        (int) Json.number(c.get("n_components")), Json.number(c.get("tol")),
                        Json.number(c.get("reg_covar")), (int) Json.number(c.get("max_iter")),
                        Json.vector(c.get("weights_init")), Json.matrix(c.get("means_init")),
                        Json.vector(c.get("precisions_init")), Json.object(c.get("expected"))));
            }
        }
        return cases;
    }

    private static String read(String resource) {
        try (InputStream in = SklearnFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + resource
                        + "; run /usr/bin/python3 tools/fixtures/make_gmm_fixtures.py");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
