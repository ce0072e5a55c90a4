package org.cx4j.spark.score;

import static org.cx4j.spark.SparkTesting.TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.MeanEstimate;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.SparkTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The weighted SQL functions against cx-metrics' weighted one-shot calculators on one machine, on
 * the bundled sample responses with deterministic weights (0 to 3.25, a few exactly 0): counts
 * exact, derived figures to 1e-12 (the weighted sums cross partitions without their compensation
 * terms, so agreement is to rounding).
 */
class WeightedScoreAggregatorTest {

  private static SparkSession spark;

  /** Per instrument and segment: the scores and weights, in sample order. */
  private static final Map<String, Map<String, List<double[]>>> ROWS = new HashMap<>();

  /** A deterministic weight for the i-th response: 0, 0.25, ..., 3.25 (every 14th is 0). */
  private static double weight(int i) {
    return 0.25 * ((i * 7919L) % 14);
  }

  @BeforeAll
  static void start() {
    spark = SparkTesting.spark();
    Map<String, String> plans = SparkTesting.plans();
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (SurveyResponse r : SparkTesting.sample().responses()) {
      String segment = plans.get(r.customer().value());
      double w = weight(i++);
      rows.add(RowFactory.create(segment, r.instrument().name(), r.score(), w));
      ROWS.computeIfAbsent(r.instrument().name(), k -> new HashMap<>())
          .computeIfAbsent(segment, k -> new ArrayList<>())
          .add(new double[] {r.score(), w});
    }
    StructType schema =
        new StructType()
            .add("segment", DataTypes.StringType)
            .add("instrument", DataTypes.StringType)
            .add("score", DataTypes.IntegerType)
            .add("weight", DataTypes.DoubleType);
    spark.createDataFrame(rows, schema).createOrReplaceTempView("weighted_responses");
  }

  private static int[] scores(List<double[]> rows) {
    int[] s = new int[rows.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = (int) rows.get(i)[0];
    }
    return s;
  }

  private static double[] weights(List<double[]> rows) {
    double[] w = new double[rows.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = rows.get(i)[1];
    }
    return w;
  }

  private static Map<String, Row> sql(String function, String instrument) {
    Map<String, Row> out = new HashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT segment, "
                    + function
                    + "(score, weight) AS m FROM"
                    + " weighted_responses WHERE instrument = '"
                    + instrument
                    + "' GROUP BY segment")
            .collectAsList()) {
      out.put(r.getString(0), r.getStruct(1));
    }
    return out;
  }

  private static void assertRelative(double expected, double actual) {
    assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)));
  }

  private static void assertWeights(ScoreDistribution d, Row row) {
    assertRelative(d.totalWeight(), row.<Double>getAs("total_weight"));
    assertRelative(d.effectiveSampleSize(), row.<Double>getAs("effective_sample_size"));
  }

  @Test
  void weightedNpsBySegmentEqualsSingleMachine() {
    Map<String, List<double[]>> expected = ROWS.get("nps");
    Map<String, Row> actual = sql("cx_nps_weighted", "nps");
    assertEquals(expected.keySet(), actual.keySet());
    assertTrue(expected.size() > 1, "segments: " + expected.keySet());
    for (var e : expected.entrySet()) {
      int[] s = scores(e.getValue());
      double[] w = weights(e.getValue());
      NetPromoterScore nps = NetPromoterScore.of(s, w);
      Row row = actual.get(e.getKey());
      assertEquals(nps.n(), row.<Long>getAs("n"));
      assertEquals(nps.promoters(), row.<Long>getAs("promoters"));
      assertEquals(nps.detractors(), row.<Long>getAs("detractors"));
      assertRelative(nps.score(), row.<Double>getAs("score"));
      assertRelative(nps.standardError(), row.<Double>getAs("standard_error"));
      assertRelative(nps.interval().lower(), row.<Double>getAs("lower"));
      assertRelative(nps.interval().upper(), row.<Double>getAs("upper"));
      assertWeights(ScoreDistribution.of(NetPromoterScore.SCALE, s, w), row);
      // The weights matter: the weighted score differs from the unweighted one here.
      assertTrue(Math.abs(nps.score() - NetPromoterScore.of(s).score()) > 1e-9, e.getKey());
    }
  }

  @Test
  void weightedCsatCesAndMeanBySegmentEqualSingleMachine() {
    for (var e : ROWS.get("csat").entrySet()) {
      CustomerSatisfaction c =
          CustomerSatisfaction.of(
              CustomerSatisfaction.Definition.DEFAULT, scores(e.getValue()), weights(e.getValue()));
      Row row = sql("cx_csat_weighted", "csat").get(e.getKey());
      assertEquals(c.n(), row.<Long>getAs("n"));
      assertRelative(c.topBox().share(), row.<Double>getAs("score"));
      assertRelative(c.topBox().interval().lower(), row.<Double>getAs("lower"));
      assertRelative(c.topBox().interval().upper(), row.<Double>getAs("upper"));
      assertRelative(c.mean().mean(), row.<Double>getAs("mean"));
    }
    for (var e : ROWS.get("ces").entrySet()) {
      CustomerEffortScore c =
          CustomerEffortScore.of(
              CustomerEffortScore.Definition.DEFAULT, scores(e.getValue()), weights(e.getValue()));
      Row row = sql("cx_ces_weighted", "ces").get(e.getKey());
      assertEquals(c.n(), row.<Long>getAs("n"));
      assertRelative(c.mean().mean(), row.<Double>getAs("score"));
      assertRelative(c.mean().standardError(), row.<Double>getAs("standard_error"));
      assertRelative(c.easyShare().share(), row.<Double>getAs("easy_share"));
    }
    for (var e : ROWS.get("nps").entrySet()) {
      ScoreDistribution d =
          ScoreDistribution.of(Scale.of(0, 100), scores(e.getValue()), weights(e.getValue()));
      MeanEstimate m = MeanEstimate.of(d, 0.95);
      Row row = sql("cx_mean_weighted", "nps").get(e.getKey());
      assertRelative(m.mean(), row.<Double>getAs("score"));
      assertRelative(m.standardDeviation(), row.<Double>getAs("standard_deviation"));
      assertRelative(m.interval().lower(), row.<Double>getAs("lower"));
      assertWeights(d, row);
    }
  }

  @Test
  void constantWeightGivesTheUnweightedFigures() {
    // Hand derivation: with every w = 2, Σw = 2n and n_eff = (2n)² / (4n) = n, so every estimate
    // and interval is the unweighted one. The integer literal is cast to the double argument.
    Row weighted =
        spark
            .sql(
                "SELECT cx_nps_weighted(score, 2) FROM weighted_responses"
                    + " WHERE instrument = 'nps'")
            .first()
            .getStruct(0);
    Row plain =
        spark
            .sql("SELECT cx_nps(score) FROM weighted_responses" + " WHERE instrument = 'nps'")
            .first()
            .getStruct(0);
    long n = plain.<Long>getAs("n");
    assertEquals(2.0 * n, weighted.<Double>getAs("total_weight"), 0.0);
    assertEquals(n, weighted.<Double>getAs("effective_sample_size"), 1e-9);
    for (String f : List.of("score", "standard_error", "lower", "upper")) {
      assertRelative(plain.<Double>getAs(f), weighted.<Double>getAs(f));
    }
  }

  @Test
  void zeroTotalWeightHasCountsButNoEstimate() {
    Row r =
        spark
            .sql(
                "SELECT cx_nps_weighted(score, 0.0) FROM weighted_responses"
                    + " WHERE instrument = 'nps'")
            .first()
            .getStruct(0);
    assertTrue(r.<Long>getAs("n") > 0);
    assertNull(r.getAs("score"));
    assertNull(r.getAs("lower"));
    assertEquals(0.0, r.<Double>getAs("total_weight"), 0.0);
  }

  @Test
  void nullWeightIsRejectedOrRefusedPerPolicy() {
    Dataset<Row> rows =
        spark.sql("SELECT 9 AS score, CAST(NULL AS DOUBLE) AS weight UNION ALL SELECT 10, 1.5");
    rows.createOrReplaceTempView("null_weight");
    Row lenient =
        spark.sql("SELECT cx_nps_weighted(score, weight) FROM null_weight").first().getStruct(0);
    assertEquals(1L, lenient.<Long>getAs("n"));
    assertEquals(1L, lenient.<Long>getAs("rejected"));

    WeightedScoreAggregator strict =
        WeightedScoreAggregator.of(ScoreAggregator.nps(0.95, NullPolicy.STRICT));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> strict.reduce(strict.zero(), new Tuple2<>(9, null)));
    assertTrue(e.getMessage().contains("cx_nps_weighted: null weight"), e.getMessage());
  }

  @Test
  void badWeightsAndScoresAreNamed() {
    WeightedScoreAggregator a = WeightedScoreAggregator.of(ScoreAggregator.nps());
    for (double w : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> a.reduce(a.zero(), new Tuple2<>(7, w)));
      assertTrue(e.getMessage().contains("weight " + w), e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> a.reduce(a.zero(), new Tuple2<>(11, 1.0)));
    assertTrue(e.getMessage().contains("score 11"), e.getMessage());
    // From SQL: the executor's error reaches the driver with the value.
    Exception sqlError =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .sql("SELECT cx_nps_weighted(score, -2.5) FROM weighted_responses")
                    .collectAsList());
    assertTrue(chain(sqlError).contains("weight -2.5"), chain(sqlError));
  }

  private static String chain(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(c.getMessage()).append(" | ");
    }
    return b.toString();
  }

  @Test
  void weightedBufferSurvivesSerializationAndMergesLikeOneBuffer() throws Exception {
    WeightedScoreAggregator a = WeightedScoreAggregator.of(ScoreAggregator.nps());
    List<double[]> rows = ROWS.get("nps").values().iterator().next();
    ScoreBuffer whole = a.zero();
    ScoreBuffer[] parts = {a.zero(), a.zero(), a.zero()};
    for (int i = 0; i < rows.size(); i++) {
      Tuple2<Integer, Double> t = new Tuple2<>((int) rows.get(i)[0], rows.get(i)[1]);
      a.reduce(whole, t);
      a.reduce(parts[i % 3], t);
    }
    ScoreBuffer merged =
        a.merge(a.merge(roundTrip(parts[0]), roundTrip(parts[1])), roundTrip(parts[2]));
    ScoreDistribution expected = whole.distribution();
    ScoreDistribution actual = merged.distribution();
    assertTrue(actual.isWeighted());
    for (int k = 0; k <= 10; k++) {
      assertEquals(expected.count(k), actual.count(k));
      assertRelative(expected.weight(k), actual.weight(k));
      assertRelative(expected.weightSquares(k), actual.weightSquares(k));
    }
    Row x = a.finish(whole);
    Row y = a.finish(merged);
    for (String f : List.of("score", "lower", "upper", "total_weight", "effective_sample_size")) {
      int i = a.schema().fieldIndex(f);
      assertRelative(x.getDouble(i), y.getDouble(i));
    }
  }

  private static ScoreBuffer roundTrip(ScoreBuffer b) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(b);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ScoreBuffer) in.readObject();
    }
  }
}
