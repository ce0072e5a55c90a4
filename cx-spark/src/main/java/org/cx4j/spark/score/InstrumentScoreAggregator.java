package org.cx4j.spark.score;

import java.io.Serial;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.metrics.ces.CustomerEffortScore;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.spark.NullPolicy;
import scala.Tuple2;

/**
 * {@code cx_score(instrument, score)}: the headline score of whichever instrument a group's rows
 * name ({@code nps}: NPS; {@code csat}: top-2-box share on 1..5; {@code ces}: mean on 1..7; the
 * names of {@link Instrument#nps()}, {@link Instrument#csat()}, {@link Instrument#ces()}), computed
 * by the same {@link ScoreAggregator}s, and an error when one group mixes instruments.
 *
 * <p>It is the guard for tables that hold several instruments' answers in one score column: {@code
 * SELECT survey, cx_score(instrument, score) FROM responses GROUP BY survey} fails with {@code
 * cx_score: column instrument mixes 'nps' and 'csat' in one group} instead of averaging 0..10 and
 * 1..5 answers together. The result struct has {@code instrument}, {@code score}, {@code n}, {@code
 * standard_error}, {@code lower}, {@code upper}, {@code level} and {@code rejected}, with the
 * meaning and defaults of the instrument's own function (see {@link org.cx4j.spark.CxFunctions});
 * an empty group has a null instrument and score.
 *
 * <p>Errors (on the executors, reported on the driver): an unknown instrument name, a score outside
 * the instrument's scale, two instruments in one group; nulls (instrument or score) follow the
 * {@link NullPolicy}. Immutable and serializable.
 */
public final class InstrumentScoreAggregator
    extends Aggregator<Tuple2<String, Integer>, InstrumentBuffer, Row> {

  @Serial private static final long serialVersionUID = 1L;

  /** The SQL name, {@code cx_score}. */
  public static final String NAME = "cx_score";

  private final NullPolicy nulls;
  private final ScoreAggregator nps;
  private final ScoreAggregator csat;
  private final ScoreAggregator ces;

  /** Returns the aggregator with null policy {@code nulls}. */
  public InstrumentScoreAggregator(NullPolicy nulls) {
    this.nulls = Objects.requireNonNull(nulls, "nulls");
    this.nps = ScoreAggregator.nps(0.95, nulls);
    this.csat = ScoreAggregator.csat(CustomerSatisfaction.Definition.DEFAULT, nulls);
    this.ces = ScoreAggregator.ces(CustomerEffortScore.Definition.DEFAULT, nulls);
  }

  /** Returns the input encoder for {@code functions.udaf}: (instrument string, score int). */
  public static Encoder<Tuple2<String, Integer>> inputEncoder() {
    return Encoders.tuple(Encoders.STRING(), Encoders.INT());
  }

  /** Returns the schema of the result struct. */
  public StructType schema() {
    return new StructType()
        .add("instrument", DataTypes.StringType, true)
        .add("score", DataTypes.DoubleType, true)
        .add("n", DataTypes.LongType, false)
        .add("standard_error", DataTypes.DoubleType, true)
        .add("lower", DataTypes.DoubleType, true)
        .add("upper", DataTypes.DoubleType, true)
        .add("level", DataTypes.DoubleType, false)
        .add("rejected", DataTypes.LongType, false);
  }

  private ScoreAggregator of(String instrument, Integer score) {
    return switch (instrument) {
      case "nps" -> nps;
      case "csat" -> csat;
      case "ces" -> ces;
      default ->
          throw new IllegalArgumentException(
              NAME
                  + ": unknown instrument '"
                  + instrument
                  + "' (score "
                  + score
                  + "); cx_score knows nps, csat and ces");
    };
  }

  /** Returns an empty buffer (no instrument yet). */
  @Override
  public InstrumentBuffer zero() {
    return new InstrumentBuffer();
  }

  /**
   * Adds one (instrument, score) row.
   *
   * @throws IllegalArgumentException if the instrument is unknown or differs from the group's, the
   *     score is outside its scale, or a value is null under {@link NullPolicy#STRICT}
   */
  @Override
  public InstrumentBuffer reduce(InstrumentBuffer b, Tuple2<String, Integer> row) {
    String name = row._1() == null ? null : row._1().trim().toLowerCase(Locale.ROOT);
    Integer score = row._2();
    if (name == null) {
      if (nulls == NullPolicy.STRICT) {
        throw new IllegalArgumentException(
            NAME + ": null instrument in a row (score " + score + "; null policy STRICT)");
      }
      reject(b);
      return b;
    }
    ScoreAggregator agg = of(name, score);
    if (b.instrument == null) {
      b.instrument = name;
      b.scores = agg.zero();
    } else if (!b.instrument.equals(name)) {
      throw mixed(b.instrument, name, score);
    }
    // The instrument's own function rejects or refuses nulls and out-of-scale scores.
    try {
      agg.reduce(b.scores, score);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          NAME + ": " + e.getMessage() + " (instrument '" + name + "')", e);
    }
    return b;
  }

  private static void reject(InstrumentBuffer b) {
    if (b.scores == null) {
      b.rejectedBefore++;
    } else {
      b.scores.reject();
    }
  }

  private static IllegalArgumentException mixed(String a, String b, Integer score) {
    return new IllegalArgumentException(
        NAME
            + ": column instrument mixes '"
            + a
            + "' and '"
            + b
            + "' in one group (score "
            + score
            + "); group or filter by instrument");
  }

  /**
   * Merges {@code b} into {@code a}.
   *
   * @throws IllegalArgumentException if they hold different instruments
   */
  @Override
  public InstrumentBuffer merge(InstrumentBuffer a, InstrumentBuffer b) {
    if (b.instrument == null) {
      a.rejectedBefore += b.rejectedBefore;
      return a;
    }
    if (a.instrument == null) {
      b.rejectedBefore += a.rejectedBefore;
      return b;
    }
    if (!a.instrument.equals(b.instrument)) {
      throw mixed(a.instrument, b.instrument, null);
    }
    a.scores.merge(b.scores);
    a.rejectedBefore += b.rejectedBefore;
    return a;
  }

  /** Returns the result struct (see {@link #schema()}). */
  @Override
  public Row finish(InstrumentBuffer b) {
    if (b.instrument == null) {
      return RowFactory.create(null, null, 0L, null, null, null, 0.95, b.rejectedBefore);
    }
    ScoreAggregator agg = of(b.instrument, null);
    Row r = agg.finish(b.scores);
    StructType s = agg.schema();
    return RowFactory.create(
        b.instrument,
        r.get(s.fieldIndex("score")),
        r.getLong(s.fieldIndex("n")),
        r.get(s.fieldIndex("standard_error")),
        r.get(s.fieldIndex("lower")),
        r.get(s.fieldIndex("upper")),
        r.getDouble(s.fieldIndex("level")),
        r.getLong(s.fieldIndex("rejected")) + b.rejectedBefore);
  }

  /** Returns a Java-serialization encoder of the buffer. */
  @Override
  public Encoder<InstrumentBuffer> bufferEncoder() {
    return Encoders.javaSerialization(InstrumentBuffer.class);
  }

  /** Returns the row encoder of {@link #schema()}. */
  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(schema());
  }

  @Override
  public String toString() {
    return NAME + "[nulls " + nulls + "]";
  }
}
