package org.cx4j.benchmarks.spark;

import org.apache.spark.sql.SparkSession;
import org.cx4j.spark.CxFunctions;

/**
 * The local[2] session of the Spark benchmarks (UI off, 4 shuffle partitions, as in the tests), and
 * the JVM options of their forks: Spark's Java 17 {@code --add-opens} list and a fixed 8 GB heap.
 */
final class SparkSessions {

  /** Spark's module flags (spark-parent's extraJavaTestArgs), one per constant for @Fork. */
  static final String O1 = "--add-opens=java.base/java.lang=ALL-UNNAMED";

  static final String O2 = "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED";
  static final String O3 = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
  static final String O4 = "--add-opens=java.base/java.io=ALL-UNNAMED";
  static final String O5 = "--add-opens=java.base/java.net=ALL-UNNAMED";
  static final String O6 = "--add-opens=java.base/java.nio=ALL-UNNAMED";
  static final String O7 = "--add-opens=java.base/java.util=ALL-UNNAMED";
  static final String O8 = "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED";
  static final String O9 = "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED";
  static final String O10 = "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED";
  static final String O11 = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
  static final String O12 = "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED";
  static final String O13 = "--add-opens=java.base/sun.security.action=ALL-UNNAMED";
  static final String O14 = "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED";
  static final String HEAP = "-Xmx8g";

  /**
   * A heap of fixed size, as the other benchmarks' forks have. Without it G1 grows the heap while
   * the iterations run, and a task that fills newly committed memory pays the kernel's page faults
   * in its own CPU time: the same journey reduce task measured 0.6 s in one iteration and 2.6 s in
   * another, and 20 pipeline runs ranged over 2.2-5.7 s. With the heap committed at start G1 does
   * not resize it, and reuses regions that the warm-up has touched. ({@code -XX:+AlwaysPreTouch}
   * steadied the pipeline as well but seemed to slow the baseline by about a sixth, so it is not
   * used.)
   */
  static final String HEAP_MIN = "-Xms8g";

  private SparkSessions() {}

  static SparkSession start() {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("cx-spark benchmarks")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    CxFunctions.register(spark);
    return spark;
  }
}
