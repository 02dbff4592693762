package io.lgc.spark;

import org.apache.spark.sql.SparkSession;

/**
 * A small local Spark for tests: two threads, no UI, few shuffle partitions. The test classes share
 * one session (getOrCreate), which lives until the test JVM exits: starting Spark costs seconds.
 */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("lgc-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                // tables of a few rows: compiling whole-stage code and re-planning cost more than they save
                .config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
