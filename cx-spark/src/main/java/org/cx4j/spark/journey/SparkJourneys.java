package org.cx4j.spark.journey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_millis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.journey.attribution.MarkovAttribution;
import org.cx4j.journey.attribution.PathData;
import org.cx4j.journey.funnel.Funnel;
import org.cx4j.journey.graph.TransitionGraph;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.rebuild.JourneyRebuilder;
import org.cx4j.journey.variant.Variants;
import org.cx4j.spark.NullPolicy;
import org.cx4j.spark.Recipe;
import org.cx4j.spark.SparkInputs;

/**
 * Journey analytics over a Dataset of interactions, computed by cx-journey inside Spark.
 *
 * <p>How it runs: the interactions are brought together by customer, so every customer's events are
 * in one partition; each partition reads its rows into primitive columns, builds a cx-journey
 * {@code InteractionLog} from them over one shared touchpoint catalog, rebuilds its journeys with
 * the {@link JourneyRebuilder} (ties in time keep their arrival order), and feeds them to the
 * funnel, variants and transition-graph accumulators and to a count of attribution paths. Each
 * partition ships its accumulators' state ({@code writeTo}); the driver merges them ({@code
 * mergeFrom}, i.e. the accumulators' own merge) and fits {@link MarkovAttribution} to the merged
 * paths, whose counts are exactly the merged transition counts of the chain. The results are
 * cx-journey's types and equal the single-machine results on the same interactions.
 *
 * <p>Three ways to the partitions, with the same results: by default a shuffle of byte blocks
 * ({@code BlockShuffle}: each map task codes its rows, the time as Spark's epoch microseconds,
 * floored to milliseconds on the reduce side); with {@link Builder#sortWithinPartitions
 * sortWithinPartitions(true)}, Spark's {@code repartition} and sort of the customer, touchpoint,
 * time as epoch milliseconds ({@code unix_millis}) and outcome; and, where Spark's internal rows
 * cannot be read, that repartition read through the public {@link Row} API. The first two read
 * Spark's internal rows through one seam ({@code SparkInternals}), Spark's unstable developer API
 * ({@code queryExecution().toRdd()}), which it uses only when a probe of Spark's row layout passes
 * and the Dataset has a query execution (not Spark Connect); the system property {@code
 * cx4j.spark.internals=false} or {@link Builder#internalRows internalRows(false)} forces the public
 * API. cx-spark is tested on Spark 4.2 and 3.5 (Scala 2.13).
 *
 * <pre>{@code
 * JourneyAnalysis a = SparkJourneys.builder()
 *     .rebuilder(() -> JourneyRebuilder.defaults().noInactivityGap())
 *     .funnel(() -> Funnel.builder().step("home").step("product").step("checkout").build())
 *     .attribution(Level.CHANNEL, Outcome.CONVERTED, 1)
 *     .build()
 *     .run(interactions);     // columns customer_id, touchpoint, channel, stage, time, outcome
 * a.funnel(); a.variants().top(10); a.graph(); a.attribution();
 * }</pre>
 *
 * <p>Input columns (names configurable with {@link Builder#columns}): customer id (string),
 * touchpoint id (string), time (timestamp, used to the millisecond: microseconds are floored, as by
 * {@code unix_millis}), and optionally outcome (string, null for none); channel and stage (strings)
 * are needed only when no {@link Builder#catalog catalog} is given, to derive one (sorted by
 * touchpoint id). Interaction attributes and journey ids are not read.
 *
 * <p>Bad input: a null customer id, touchpoint or time follows the {@link NullPolicy} (counted in
 * {@link JourneyAnalysis#rejectedRows()}, or an error naming the column); a touchpoint outside the
 * catalog, or one id with two channels or stages, is an error naming the value. Errors raised on
 * executors reach the driver as the cause of a {@code SparkException}.
 *
 * <p>Memory: the driver holds one state per partition at a time, each the size of the variants and
 * edges seen in that partition. Immutable and thread-safe; {@link #run} may be called concurrently.
 */
public final class SparkJourneys {

  /** The shuffled time column's name, unlikely to clash with a column of the data. */
  private static final String MILLIS = "__cx4j_epoch_millis";

  private final String customer;
  private final String touchpoint;
  private final String channel;
  private final String stage;
  private final String time;
  private final String outcome;
  private final List<Touchpoint> catalog; // null: derived from the data
  private final Recipe<JourneyRebuilder> rebuilder;
  private final Recipe<Funnel> funnel; // may be null
  private final Level level;
  private final boolean collapseRepeats;
  private final Level attributionLevel; // null: no attribution
  private final String conversion;
  private final int order;
  private final NullPolicy nulls;
  private final int partitions; // 0: spark.sql.shuffle.partitions
  private final boolean sortInSpark;
  private final boolean internalRows;

  private SparkJourneys(Builder b) {
    customer = b.customer;
    touchpoint = b.touchpoint;
    channel = b.channel;
    stage = b.stage;
    time = b.time;
    outcome = b.outcome;
    catalog = b.catalog == null ? null : List.copyOf(b.catalog.touchpoints());
    rebuilder = b.rebuilder;
    funnel = b.funnel;
    level = b.level;
    collapseRepeats = b.collapseRepeats;
    attributionLevel = b.attributionLevel;
    conversion = b.conversion;
    order = b.order;
    nulls = b.nulls;
    partitions = b.partitions;
    sortInSpark = b.sortInSpark;
    internalRows = b.internalRows;
  }

  /** Returns a builder with the defaults listed on its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Rebuilds the journeys of {@code interactions} and returns the merged analysis.
   *
   * @throws IllegalArgumentException if a column is missing or has the wrong type, or the data (on
   *     the driver or in a task) break the rules of the class comment, naming the value (an
   *     executor's error reaches the driver as the cause of a {@code SparkException})
   */
  public JourneyAnalysis run(Dataset<Row> interactions) {
    Objects.requireNonNull(interactions, "interactions");
    StructType schema = interactions.schema();
    SparkInputs.requireColumn(schema, customer, DataTypes.StringType);
    SparkInputs.requireColumn(schema, touchpoint, DataTypes.StringType);
    SparkInputs.requireColumn(schema, time, DataTypes.TimestampType);
    boolean hasOutcome = outcome != null && List.of(schema.fieldNames()).contains(outcome);
    if (hasOutcome) {
      SparkInputs.requireColumn(schema, outcome, DataTypes.StringType);
    }
    List<Touchpoint> touchpoints = catalog != null ? catalog : deriveCatalog(interactions);
    String[][] shipped = new String[touchpoints.size()][];
    for (int i = 0; i < shipped.length; i++) {
      Touchpoint t = touchpoints.get(i);
      shipped[i] = new String[] {t.id(), t.name(), t.channel().name(), t.stage().name()};
    }
    // Shuffled by the sorted and Row paths (the block shuffle below ships the raw timestamp, in
    // epoch microseconds, and floors it on the reducer): the customer, the touchpoint id, the
    // time as epoch milliseconds (no Timestamp object per row on the executors) and the outcome.
    // Touchpoints are encoded on the executors, by hash, rather than here (an array_position
    // over the catalog costs one string comparison per catalog entry and row).
    List<Column> columns =
        new ArrayList<>(List.of(col(customer), col(touchpoint), unix_millis(col(time)).as(MILLIS)));
    if (hasOutcome) {
      columns.add(col(outcome));
    }
    int partitionCount = SparkInputs.partitions(interactions.sparkSession(), partitions);
    Dataset<Row> sorted =
        interactions
            .select(columns.toArray(Column[]::new))
            .repartition(partitionCount, col(customer));
    if (sortInSpark) {
      sorted = sorted.sortWithinPartitions(col(customer), col(MILLIS));
    }
    PartitionTask task =
        new PartitionTask(
            shipped,
            rebuilder,
            funnel,
            level,
            collapseRepeats,
            attributionLevel,
            conversion,
            nulls,
            new String[] {customer, touchpoint, time, hasOutcome ? outcome : null},
            sortInSpark);
    // The block shuffle reads the columns as they are: a projection (unix_millis) would copy
    // every row into a new one, which costs about as much as reading the cached columns.
    List<Column> raw = new ArrayList<>(List.of(col(customer), col(touchpoint), col(time)));
    if (hasOutcome) {
      raw.add(col(outcome));
    }
    Dataset<Row> input = interactions.select(raw.toArray(Column[]::new));
    List<byte[]> states;
    if (internalRows && !sortInSpark && SparkInternals.usable(input)) {
      // Customers grouped by a shuffle of a few byte blocks per task (see BlockShuffle), not one
      // shuffle record per interaction; the rebuilder sorts each partition.
      states = BlockShuffle.run(input, partitionCount, hasOutcome, task);
    } else if (internalRows && SparkInternals.usable(sorted)) {
      states = SparkInternals.mapPartitions(sorted, task.internal()).collect();
    } else {
      states = sorted.mapPartitions(task.rows(), Encoders.BINARY()).collectAsList();
    }
    return merge(touchpoints, states);
  }

  private List<Touchpoint> deriveCatalog(Dataset<Row> interactions) {
    StructType schema = interactions.schema();
    SparkInputs.requireColumn(schema, channel, DataTypes.StringType);
    SparkInputs.requireColumn(schema, stage, DataTypes.StringType);
    List<Row> rows =
        interactions
            .select(col(touchpoint), col(channel), col(stage))
            .where(col(touchpoint).isNotNull())
            .distinct()
            .orderBy(col(touchpoint), col(channel), col(stage))
            .collectAsList();
    List<Touchpoint> out = new ArrayList<>();
    Map<String, Touchpoint> byId = new HashMap<>();
    for (Row r : rows) {
      String id = r.getString(0);
      if (r.isNullAt(1) || r.isNullAt(2)) {
        throw new IllegalArgumentException(
            "touchpoint '"
                + id
                + "' has a null "
                + (r.isNullAt(1) ? channel : stage)
                + ": give a catalog, or channel and stage on every row");
      }
      Touchpoint t =
          Touchpoint.of(id, new Channel(r.getString(1)), new JourneyStage(r.getString(2)));
      Touchpoint seen = byId.putIfAbsent(t.id(), t);
      if (seen != null) {
        throw new IllegalArgumentException(
            "touchpoint '" + id + "' appears as both " + seen + " and " + t);
      }
      out.add(t);
    }
    return out;
  }

  private JourneyAnalysis merge(List<Touchpoint> touchpoints, List<byte[]> states) {
    TouchpointDictionary dictionary = TouchpointDictionary.of(touchpoints);
    // Paths and attribution on a second thread: with millions of distinct variants and paths,
    // the two merges take about as long as each other, and the driver has a core to spare.
    CompletableFuture<Attribution> attribution =
        attributionLevel == null
            ? CompletableFuture.completedFuture(new Attribution(null, null))
            : CompletableFuture.supplyAsync(() -> mergePaths(dictionary, states));
    Abstraction nodes = Abstraction.of(dictionary, level);
    Funnel.Accumulator f = funnel == null ? null : funnel.get().accumulator();
    Variants.Accumulator v = new Variants.Accumulator(nodes, collapseRepeats);
    TransitionGraph.Accumulator g = new TransitionGraph.Accumulator(nodes);
    long events = 0;
    long journeys = 0;
    long rejected = 0;
    try {
      for (byte[] state : states) {
        StateBytes.Input in = new StateBytes.Input(state);
        rejected += in.readLong();
        events += in.readLong();
        if (!in.readBoolean()) {
          continue;
        }
        journeys += in.readLong();
        if (attributionLevel != null) {
          in.skipBytes(in.readInt());
        }
        if (f != null) {
          f.mergeFrom(in);
        }
        v.mergeFrom(in);
        g.mergeFrom(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt partition state", e);
    }
    Variants variants = v.result();
    Attribution a;
    try {
      a = attribution.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
    return new JourneyAnalysis(
        events,
        journeys,
        rejected,
        states.size(),
        f == null ? null : f.result(),
        variants,
        g.result(),
        a.paths,
        a.markov);
  }

  /** The merged paths and their Markov attribution (absent without paths or conversions). */
  private record Attribution(PathData paths, MarkovAttribution.MarkovResult markov) {}

  private Attribution mergePaths(TouchpointDictionary dictionary, List<byte[]> states) {
    Paths paths = new Paths(Abstraction.of(dictionary, attributionLevel).labels());
    try {
      for (byte[] state : states) {
        StateBytes.Input in = new StateBytes.Input(state);
        in.readLong();
        in.readLong();
        if (!in.readBoolean()) {
          continue;
        }
        in.readLong();
        in.readInt();
        paths.mergeFrom(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt partition state", e);
    }
    if (paths.isEmpty()) {
      return new Attribution(null, null);
    }
    PathData pathData = paths.result();
    return new Attribution(
        pathData, pathData.totalConversions() > 0 ? MarkovAttribution.fit(pathData, order) : null);
  }

  /** Configures a {@link SparkJourneys}. Not thread-safe. */
  public static final class Builder {
    private String customer = "customer_id";
    private String touchpoint = "touchpoint";
    private String channel = "channel";
    private String stage = "stage";
    private String time = "time";
    private String outcome = "outcome";
    private TouchpointCatalog catalog;
    private Recipe<JourneyRebuilder> rebuilder = JourneyRebuilder::defaults;
    private Recipe<Funnel> funnel;
    private Level level = Level.TOUCHPOINT;
    private boolean collapseRepeats;
    private Level attributionLevel;
    private String conversion;
    private int order = 1;
    private NullPolicy nulls = NullPolicy.LENIENT;
    private int partitions;
    private boolean sortInSpark;
    private boolean internalRows = true;

    private Builder() {}

    /**
     * Sets the number of partitions the interactions are repartitioned into by customer (default:
     * {@code spark.sql.shuffle.partitions}). An explicit count is not coalesced by adaptive query
     * execution, so every partition's state is merged; the results do not depend on it.
     *
     * @throws IllegalArgumentException if {@code partitions < 1}
     */
    public Builder partitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
      }
      this.partitions = partitions;
      return this;
    }

    /**
     * Sets the column names (defaults {@code customer_id}, {@code touchpoint}, {@code channel},
     * {@code stage}, {@code time}, {@code outcome}); {@code outcome} may be null or absent from the
     * data (no outcomes).
     *
     * @throws NullPointerException if a required name is null
     */
    public Builder columns(
        String customer,
        String touchpoint,
        String channel,
        String stage,
        String time,
        String outcome) {
      this.customer = Objects.requireNonNull(customer, "customer");
      this.touchpoint = Objects.requireNonNull(touchpoint, "touchpoint");
      this.channel = Objects.requireNonNull(channel, "channel");
      this.stage = Objects.requireNonNull(stage, "stage");
      this.time = Objects.requireNonNull(time, "time");
      this.outcome = outcome;
      return this;
    }

    /**
     * Sets the touchpoint catalog (default: derived from the data's distinct touchpoint, channel
     * and stage, sorted by id). Its order is the node order of the graph and variants.
     */
    public Builder catalog(TouchpointCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Sets how journeys are rebuilt (default {@code JourneyRebuilder::defaults}). */
    public Builder rebuilder(Recipe<JourneyRebuilder> rebuilder) {
      this.rebuilder = Objects.requireNonNull(rebuilder, "rebuilder");
      return this;
    }

    /** Sets the funnel to compute (default: none). */
    public Builder funnel(Recipe<Funnel> funnel) {
      this.funnel = Objects.requireNonNull(funnel, "funnel");
      return this;
    }

    /**
     * Sets the nodes of the variants and the graph (default {@link Level#TOUCHPOINT}) and whether
     * runs of one node count as one step in a variant (default false).
     */
    public Builder variants(Level level, boolean collapseRepeats) {
      this.level = Objects.requireNonNull(level, "level");
      this.collapseRepeats = collapseRepeats;
      return this;
    }

    /**
     * Requests Markov attribution of order {@code order} over nodes at {@code level}, a journey
     * converting at its first event with outcome {@code conversion} and worth 1 (default: none).
     *
     * @throws IllegalArgumentException if {@code order} is not in 1..{@value
     *     MarkovAttribution#MAX_ORDER}
     */
    public Builder attribution(Level level, Outcome conversion, int order) {
      if (order < 1 || order > MarkovAttribution.MAX_ORDER) {
        throw new IllegalArgumentException(
            "order must be in 1.." + MarkovAttribution.MAX_ORDER + ", got " + order);
      }
      this.attributionLevel = Objects.requireNonNull(level, "level");
      this.conversion = Objects.requireNonNull(conversion, "conversion").name();
      this.order = order;
      return this;
    }

    /** Sets the null policy (default {@link NullPolicy#LENIENT}). */
    public Builder nullPolicy(NullPolicy nulls) {
      this.nulls = Objects.requireNonNull(nulls, "nulls");
      return this;
    }

    /**
     * Sets whether Spark sorts each partition by customer and time before the rebuild (default
     * false). The results are the same either way: cx-journey's rebuilder sorts each partition's
     * events itself (a radix sort on customer code and time, ties in arrival order, which a shuffle
     * does not fix in either case; on rows Spark sorted it only checks the order). Spark's sort
     * makes a customer's rows contiguous, so they need no hash lookup, but costs more than it
     * saves; see cx-benchmarks' README for the measured difference.
     */
    public Builder sortWithinPartitions(boolean sort) {
      this.sortInSpark = sort;
      return this;
    }

    /**
     * Sets whether tasks may read Spark's internal rows (default true): they do when Spark's
     * internals pass cx-spark's probe, the Dataset has a query execution (not Spark Connect) and
     * the system property {@code cx4j.spark.internals} is not {@code false}. With false, tasks
     * always read public {@code Row}s after Spark's own repartition: the same results, more slowly
     * (for a Spark whose internals misbehave in a way the probe does not see).
     */
    public Builder internalRows(boolean internal) {
      this.internalRows = internal;
      return this;
    }

    /** Returns the configured analytics. */
    public SparkJourneys build() {
      return new SparkJourneys(this);
    }
  }
}
