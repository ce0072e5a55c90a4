package org.cx4j.spark.score;

import static org.cx4j.spark.SparkTesting.TOLERANCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.spark.SparkTesting;

/**
 * Laws of the aggregation buffer (no Spark) and of the SQL function (Spark local[2]): merge is
 * associative and commutative and equals one buffer fed everything; serialization round-trips byte
 * for byte; the number of partitions does not change the result.
 */
class ScoreAggregatorProperties {

  private static final Scale NPS = NetPromoterScore.SCALE;

  @Provide
  Arbitrary<int[]> npsScores() {
    return Arbitraries.integers().between(0, 10).array(int[].class).ofMaxSize(300);
  }

  private static ScoreBuffer buffer(int[] scores, int nulls) {
    ScoreBuffer b = new ScoreBuffer(NPS);
    for (int s : scores) {
      b.add(s);
    }
    for (int i = 0; i < nulls; i++) {
      b.reject();
    }
    return b;
  }

  private static int[] concat(int[]... parts) {
    List<Integer> all = new ArrayList<>();
    for (int[] p : parts) {
      for (int s : p) {
        all.add(s);
      }
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void assertSame(ScoreBuffer expected, ScoreBuffer actual) {
    assertEquals(expected.distribution(), actual.distribution());
    assertEquals(expected.rejected(), actual.rejected());
  }

  @Property(tries = 500, seed = "42")
  void mergeIsAssociativeCommutativeAndEqualsOneBuffer(
      @ForAll("npsScores") int[] a, @ForAll("npsScores") int[] b, @ForAll("npsScores") int[] c) {
    ScoreBuffer all = buffer(concat(a, b, c), 3);
    ScoreBuffer left = buffer(a, 1).merge(buffer(b, 1)).merge(buffer(c, 1));
    ScoreBuffer right = buffer(a, 1).merge(buffer(b, 1).merge(buffer(c, 1)));
    ScoreBuffer swapped = buffer(c, 1).merge(buffer(a, 1)).merge(buffer(b, 1));
    assertSame(all, left);
    assertSame(all, right);
    assertSame(all, swapped);
    // The oracle for the counts: the distribution of all scores, computed directly.
    assertEquals(ScoreDistribution.of(NPS, concat(a, b, c)), all.distribution());
  }

  private static byte[] serialize(ScoreBuffer b) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(b);
    }
    return bytes.toByteArray();
  }

  @Property(tries = 300, seed = "42")
  void serializationRoundTripsByteForByte(
      @ForAll("npsScores") int[] a, @ForAll @IntRange(min = 0, max = 5) int nulls)
      throws Exception {
    ScoreBuffer b = buffer(a, nulls);
    byte[] first = serialize(b);
    ScoreBuffer back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(first))) {
      back = (ScoreBuffer) in.readObject();
    }
    assertSame(b, back);
    assertArrayEquals(first, serialize(back));
  }

  @Property(tries = 4, seed = "42")
  void partitionCountDoesNotChangeTheSqlResult(
      @ForAll("npsScores") int[] scores, @ForAll @IntRange(min = 1, max = 7) int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int s : scores) {
      rows.add(RowFactory.create(s % 3, s));
    }
    StructType schema =
        new StructType().add("g", DataTypes.IntegerType).add("score", DataTypes.IntegerType);
    SparkTesting.spark()
        .createDataFrame(rows, schema)
        .repartition(partitions)
        .createOrReplaceTempView("generated");
    for (Row r :
        SparkTesting.spark()
            .sql("SELECT g, cx_nps(score) FROM generated GROUP BY g")
            .collectAsList()) {
      int g = r.getInt(0);
      int[] mine = java.util.Arrays.stream(scores).filter(s -> s % 3 == g).toArray();
      NetPromoterScore expected = NetPromoterScore.of(mine);
      Row nps = r.getStruct(1);
      assertEquals(expected.n(), nps.<Long>getAs("n"));
      assertEquals(expected.promoters(), nps.<Long>getAs("promoters"));
      assertEquals(expected.detractors(), nps.<Long>getAs("detractors"));
      assertEquals(expected.score(), nps.<Double>getAs("score"), TOLERANCE);
      assertEquals(expected.interval().lower(), nps.<Double>getAs("lower"), TOLERANCE);
    }
  }

  @Provide
  Arbitrary<double[]> weights() {
    return Arbitraries.doubles()
        .between(0, 50)
        .ofScale(3)
        .array(double[].class)
        .ofMinSize(1)
        .ofMaxSize(300);
  }

  private static ScoreBuffer weighted(int[] scores, double[] weights) {
    ScoreBuffer b = new ScoreBuffer(NPS);
    for (int i = 0; i < scores.length; i++) {
      b.add(scores[i], weights[i % weights.length]);
    }
    return b;
  }

  private static void assertClose(ScoreDistribution expected, ScoreDistribution actual) {
    for (int k = NPS.min(); k <= NPS.max(); k++) {
      assertEquals(expected.count(k), actual.count(k));
      assertEquals(expected.weight(k), actual.weight(k), 1e-12 * Math.max(1, expected.weight(k)));
      assertEquals(
          expected.weightSquares(k),
          actual.weightSquares(k),
          1e-12 * Math.max(1, expected.weightSquares(k)));
    }
  }

  private static ScoreBuffer roundTrip(ScoreBuffer b) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(b)))) {
      return (ScoreBuffer) in.readObject();
    }
  }

  @Property(tries = 300, seed = "42")
  void weightedBuffersMergeAfterShippingLikeOneBuffer(
      @ForAll("npsScores") int[] a,
      @ForAll("npsScores") int[] b,
      @ForAll("npsScores") int[] c,
      @ForAll("weights") double[] w)
      throws Exception {
    // Oracle: the weighted distribution of all rows at once, computed by cx-metrics directly.
    int[] all = concat(a, b, c);
    double[] allWeights = new double[all.length];
    int i = 0;
    for (int[] part : new int[][] {a, b, c}) {
      for (int j = 0; j < part.length; j++) {
        allWeights[i++] = w[j % w.length];
      }
    }
    ScoreDistribution expected = ScoreDistribution.of(NPS, all, allWeights);
    ScoreBuffer left =
        roundTrip(weighted(a, w)).merge(roundTrip(weighted(b, w))).merge(roundTrip(weighted(c, w)));
    ScoreBuffer right =
        roundTrip(weighted(c, w)).merge(roundTrip(weighted(b, w)).merge(roundTrip(weighted(a, w))));
    assertClose(expected, left.distribution());
    assertClose(expected, right.distribution());
  }
}
