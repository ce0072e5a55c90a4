package org.cx4j.spark.score;

import static org.cx4j.spark.SparkTesting.TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.rating.Rating;
import org.cx4j.metrics.score.Interval;
import org.cx4j.metrics.score.MeanEstimate;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.spark.CxFunctions;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.SparkTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL functions against cx-metrics on one machine, on the bundled sample data: the oracle is
 * the single-machine calculator on the same responses (counts exact, derived figures to 1e-12).
 */
class ScoreAggregatorTest {

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTesting.spark();
    SparkTesting.responses().createOrReplaceTempView("responses");
  }

  /** Sample responses of instrument {@code name}, by segment. */
  private static Map<String, List<SurveyResponse>> bySegment(String name) {
    Map<String, String> plans = SparkTesting.plans();
    Map<String, List<SurveyResponse>> out = new HashMap<>();
    for (SurveyResponse r : SparkTesting.sample().responses()) {
      if (r.instrument().name().equals(name)) {
        out.computeIfAbsent(plans.get(r.customer().value()), k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  /** The scores of {@code responses}: the SQL functions aggregate scores, unweighted. */
  private static int[] scores(List<SurveyResponse> responses) {
    int[] s = new int[responses.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = responses.get(i).score();
    }
    return s;
  }

  private static Map<String, Row> sqlBySegment(String function, String instrument) {
    Map<String, Row> out = new HashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT segment, "
                    + function
                    + "(score) AS m FROM responses WHERE"
                    + " instrument = '"
                    + instrument
                    + "' GROUP BY segment")
            .collectAsList()) {
      out.put(r.getString(0), r.getStruct(1));
    }
    return out;
  }

  private static void assertInterval(Row row, double se, Interval interval) {
    assertEquals(se, row.<Double>getAs("standard_error"), TOLERANCE);
    assertEquals(interval.lower(), row.<Double>getAs("lower"), TOLERANCE);
    assertEquals(interval.upper(), row.<Double>getAs("upper"), TOLERANCE);
    assertEquals(interval.level(), row.<Double>getAs("level"), 0.0);
  }

  @Test
  void npsBySegmentFromSqlEqualsSingleMachine() {
    Map<String, List<SurveyResponse>> expected = bySegment("nps");
    Map<String, Row> actual = sqlBySegment("cx_nps", "nps");
    assertEquals(expected.keySet(), actual.keySet());
    assertTrue(expected.size() > 1, "segments: " + expected.keySet());
    for (var e : expected.entrySet()) {
      NetPromoterScore nps = NetPromoterScore.of(scores(e.getValue()));
      Row row = actual.get(e.getKey());
      assertEquals(nps.n(), row.<Long>getAs("n"));
      assertEquals(nps.promoters(), row.<Long>getAs("promoters"));
      assertEquals(nps.passives(), row.<Long>getAs("passives"));
      assertEquals(nps.detractors(), row.<Long>getAs("detractors"));
      assertEquals(0L, row.<Long>getAs("rejected"));
      assertEquals(nps.score(), row.<Double>getAs("score"), TOLERANCE);
      assertInterval(row, nps.standardError(), nps.interval());
    }
  }

  @Test
  void csatBySegmentFromSqlEqualsSingleMachine() {
    Map<String, List<SurveyResponse>> expected = bySegment("csat");
    Map<String, Row> actual = sqlBySegment("cx_csat", "csat");
    assertEquals(expected.keySet(), actual.keySet());
    for (var e : expected.entrySet()) {
      CustomerSatisfaction c =
          CustomerSatisfaction.of(CustomerSatisfaction.Definition.DEFAULT, scores(e.getValue()));
      Row row = actual.get(e.getKey());
      assertEquals(c.n(), row.<Long>getAs("n"));
      assertEquals(c.topBox().hits(), row.<Long>getAs("satisfied"));
      assertEquals(c.topBox().share(), row.<Double>getAs("score"), TOLERANCE);
      assertEquals(c.mean().mean(), row.<Double>getAs("mean"), TOLERANCE);
      assertInterval(row, c.topBox().standardError(), c.topBox().interval());
    }
  }

  @Test
  void cesBySegmentFromSqlEqualsSingleMachine() {
    Map<String, List<SurveyResponse>> expected = bySegment("ces");
    Map<String, Row> actual = sqlBySegment("cx_ces", "ces");
    assertEquals(expected.keySet(), actual.keySet());
    for (var e : expected.entrySet()) {
      CustomerEffortScore c =
          CustomerEffortScore.of(CustomerEffortScore.Definition.DEFAULT, scores(e.getValue()));
      Row row = actual.get(e.getKey());
      assertEquals(c.n(), row.<Long>getAs("n"));
      assertEquals(c.easyShare().hits(), row.<Long>getAs("easy"));
      assertEquals(c.easyShare().share(), row.<Double>getAs("easy_share"), TOLERANCE);
      assertEquals(c.mean().mean(), row.<Double>getAs("score"), TOLERANCE);
      assertInterval(row, c.mean().standardError(), c.mean().interval());
    }
  }

  @Test
  void meanAndRatingDistributionFromSqlEqualSingleMachine() {
    Map<String, List<SurveyResponse>> expected = bySegment("csat");
    Map<String, Row> means = sqlBySegment("cx_mean", "csat");
    Map<String, Row> ratings = sqlBySegment("cx_rating_distribution", "csat");
    for (var e : expected.entrySet()) {
      ScoreDistribution d = ScoreDistribution.of(Instrument.csat().scale(), scores(e.getValue()));
      MeanEstimate m = MeanEstimate.of(d, 0.95);
      Row mean = means.get(e.getKey());
      assertEquals(m.n(), mean.<Long>getAs("n"));
      assertEquals(m.mean(), mean.<Double>getAs("score"), TOLERANCE);
      assertEquals(m.standardDeviation(), mean.<Double>getAs("standard_deviation"), TOLERANCE);
      assertInterval(mean, m.standardError(), m.interval());

      Rating r = Rating.of(new Rating.Definition(Instrument.csat(), 1, 0.95), scores(e.getValue()));
      Row rating = ratings.get(e.getKey());
      List<Long> counts = rating.getList(rating.fieldIndex("counts"));
      for (int k = 0; k < 5; k++) {
        assertEquals(d.count(1 + k), counts.get(k), "count of " + (1 + k));
      }
      assertEquals(1, rating.<Integer>getAs("scale_min"));
      assertEquals(5, rating.<Integer>getAs("scale_max"));
      assertEquals(r.mean().mean(), rating.<Double>getAs("mean"), TOLERANCE);
      assertEquals(r.topBox().share(), rating.<Double>getAs("top_box"), TOLERANCE);
      assertEquals(r.bottomBox().share(), rating.<Double>getAs("bottom_box"), TOLERANCE);
      assertInterval(rating, r.mean().standardError(), r.mean().interval());
    }
  }

  private static Dataset<Row> scores(Integer... scores) {
    List<Row> rows = new ArrayList<>();
    for (Integer s : scores) {
      rows.add(RowFactory.create("a", s));
    }
    StructType schema =
        new StructType().add("segment", DataTypes.StringType).add("score", DataTypes.IntegerType);
    return spark.createDataFrame(rows, schema).repartition(2);
  }

  @Test
  void handCalculatedNpsWithANullCountedAsRejected() {
    // 10, 9: promoters; 8, 7: passives; 0: detractor. NPS = 100 * (2 - 1) / 5 = 20.
    scores(10, 9, 8, 7, 0, null).createOrReplaceTempView("hand");
    Row nps = spark.sql("SELECT cx_nps(score) FROM hand").first().getStruct(0);
    assertEquals(20.0, nps.<Double>getAs("score"), TOLERANCE);
    assertEquals(5L, nps.<Long>getAs("n"));
    assertEquals(2L, nps.<Long>getAs("promoters"));
    assertEquals(2L, nps.<Long>getAs("passives"));
    assertEquals(1L, nps.<Long>getAs("detractors"));
    assertEquals(1L, nps.<Long>getAs("rejected"));
  }

  @Test
  void typedDatasetApiGivesTheSameStruct() {
    Dataset<Integer> ds = scores(10, 9, 8, 7, 0).select("score").as(Encoders.INT());
    Row nps = ds.select(ScoreAggregator.nps().toColumn()).first();
    assertEquals(20.0, nps.<Double>getAs("score"), TOLERANCE);
    assertEquals(5L, nps.<Long>getAs("n"));
  }

  @Test
  void emptyGroupHasZeroCountsAndNullScore() {
    scores(10, 9).createOrReplaceTempView("two");
    Row nps = spark.sql("SELECT cx_nps(score) FROM two WHERE score < 0").first().getStruct(0);
    assertEquals(0L, nps.<Long>getAs("n"));
    assertNull(nps.get(nps.fieldIndex("score")));
    assertNull(nps.get(nps.fieldIndex("lower")));
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
  }

  /** The message of the whole cause chain, so an executor's error is found on the driver. */
  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void scoreOutsideTheScaleFailsOnTheExecutorNamingTheValue() {
    scores(10, 9, 11, 3).createOrReplaceTempView("bad");
    Exception e =
        assertThrows(
            Exception.class,
            () -> spark.sql("SELECT segment, cx_nps(score) FROM bad GROUP BY segment").collect());
    assertContains(messages(e), "cx_nps: score 11 is outside the scale 0..10");
  }

  @Test
  void nullUnderTheStrictPolicyFailsNamingTheFunction() {
    SparkSession strict = spark.newSession();
    CxFunctions.register(strict, NullPolicy.STRICT);
    strict
        .createDataFrame(scores(10, null, 3).collectAsList(), scores(1).schema())
        .repartition(2)
        .createOrReplaceTempView("with_null");
    Exception e =
        assertThrows(
            Exception.class, () -> strict.sql("SELECT cx_nps(score) FROM with_null").collect());
    assertContains(messages(e), "cx_nps: null score");
  }

  @Test
  void cxScoreByInstrumentEqualsEachInstrumentsFunction() {
    Map<String, Row> byInstrument = new HashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT instrument, cx_score(instrument, score) FROM responses"
                    + " WHERE instrument IN ('nps', 'csat', 'ces') GROUP BY instrument")
            .collectAsList()) {
      byInstrument.put(r.getString(0), r.getStruct(1));
    }
    assertEquals(3, byInstrument.size(), byInstrument.keySet().toString());
    for (String[] f : new String[][] {{"nps", "cx_nps"}, {"csat", "cx_csat"}, {"ces", "cx_ces"}}) {
      Row own =
          spark
              .sql("SELECT " + f[1] + "(score) FROM responses WHERE instrument = '" + f[0] + "'")
              .first()
              .getStruct(0);
      Row generic = byInstrument.get(f[0]);
      assertEquals(f[0], generic.<String>getAs("instrument"));
      assertEquals(own.<Long>getAs("n"), generic.<Long>getAs("n"));
      assertEquals(own.<Double>getAs("score"), generic.<Double>getAs("score"), 0.0);
      assertEquals(own.<Double>getAs("lower"), generic.<Double>getAs("lower"), 0.0);
    }
  }

  @Test
  void mixedInstrumentsInOneGroupFailNamingBoth() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(RowFactory.create(i < 10 ? "nps" : "csat", i < 10 ? 9 : 4));
    }
    StructType schema =
        new StructType()
            .add("instrument", DataTypes.StringType)
            .add("score", DataTypes.IntegerType);
    spark.createDataFrame(rows, schema).repartition(3).createOrReplaceTempView("mixed");
    Exception e =
        assertThrows(
            Exception.class,
            () -> spark.sql("SELECT cx_score(instrument, score) FROM mixed").collect());
    String m = messages(e);
    assertTrue(m.contains("cx_score: column instrument mixes '"), m);
    assertTrue(m.contains("'nps'") && m.contains("'csat'"), m);
  }

  @Test
  void registerReplacesAFunctionWithOtherOptions() {
    SparkSession other = spark.newSession();
    CxFunctions.register(
        other,
        ScoreAggregator.csat(
            new CustomerSatisfaction.Definition(org.cx4j.core.feedback.Scale.of(1, 7), 2, 0.90),
            NullPolicy.LENIENT));
    // Temp views and functions are per session: the data is registered in the new one.
    Dataset<Row> data =
        other.createDataFrame(scores(7, 6, 5, 1).collectAsList(), scores(7).schema());
    data.createOrReplaceTempView("seven");
    Row csat = other.sql("SELECT cx_csat(score) FROM seven").first().getStruct(0);
    // Top 2 boxes of 1..7 are 6 and 7: 2 of 4.
    assertEquals(0.5, csat.<Double>getAs("score"), TOLERANCE);
    assertEquals(0.90, csat.<Double>getAs("level"), 0.0);
    assertTrue(CxFunctions.NAMES.contains("cx_csat"));
  }
}
