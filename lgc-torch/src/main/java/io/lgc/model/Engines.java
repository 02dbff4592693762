package io.lgc.model;

import ai.djl.engine.Engine;

/** Starts the PyTorch engine offline with the thread counts this project relies on. */
public final class Engines {
    private Engines() {
    }

    /**
     * Intra-op threads = available cores, inter-op threads = 1, and no downloads. Must run before
     * the first DJL call; later calls only (re)seed the engine.
     */
    public static synchronized Engine pytorch(long seed) {
        Engine engine = pytorch();
        engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
        return engine;
    }

    /** The configured engine without touching its random state (inference needs none). */
    public static synchronized Engine pytorch() {
        setDefault("ai.djl.offline", "true");
        setDefault("ai.djl.pytorch.num_threads",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        return Engine.getEngine("PyTorch");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
