package io.lgc.spark.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a command: spark-submit's, or all local cores when run without it. */
final class Sessions {
    private Sessions() {
    }

    static SparkSession get() {
        SparkSession.Builder builder = SparkSession.builder().appName("lgc-spark");
        if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
