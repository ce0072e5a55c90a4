package org.cx4j.metrics.monitor;

import java.io.DataInput;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.score.ScoreAccumulator;

/**
 * A live, thread-safe monitor of survey scores per key (segment, touchpoint, channel, "eNPS Berlin
 * office": any string the caller gives) in time buckets. Each key keeps the newest {@link
 * MonitorConfig#retainedBuckets()} buckets, each a {@link ScoreAccumulator} from the factory given
 * ({@code NetPromoterScore::accumulator}, {@code CustomerSatisfaction::accumulator}, ...), so any
 * instrument of the library can be monitored, including employee pulse scores: eNPS is {@code
 * NetPromoterScore} on the same 0..10 question asked of employees.
 *
 * <p><b>Ingestion.</b> {@link #key(String)} resolves a key once to a {@link Key} handle whose
 * {@code add} is a volatile read, a short per-key lock and an array increment; {@link #add(String,
 * int, long)} looks the key up in a {@link ConcurrentHashMap} first. Any number of threads may add
 * at once; writers of different keys do not contend.
 *
 * <p><b>Time.</b> The watermark is the newest event time seen over all keys. An event with time
 * {@code t} goes to bucket {@code floor(t / width)} when {@code t >= watermark - lateness} and its
 * bucket is among the newest {@code retainedBuckets} (counting back from the watermark's);
 * otherwise it is not added but counted in {@link Key#lateCount()} and {@link #lateCount()}.
 * Out-of-order events within the lateness are exact. Memory is bounded: each key has a ring of
 * {@code retainedBuckets} slots, and a bucket is replaced (evicted) when a newer bucket needs its
 * slot.
 *
 * <p><b>Keys.</b> At most {@link MonitorConfig#maxKeys()} keys are kept; responses for further keys
 * go to the key {@link MonitorConfig#otherKey()}, so memory stays bounded when keys come from user
 * input.
 *
 * <p><b>Snapshots and merging.</b> {@link #snapshot()} copies every key's buckets without stopping
 * ingestion (each key is locked only while its slots are copied); it is consistent per key, and
 * exact once writers are quiet. Snapshots serialise in a versioned binary format built on {@link
 * ScoreAccumulator#writeTo} ({@link MonitorSnapshot#writeTo}), and {@link #merge} adds another
 * instance's snapshot, so that several service instances can combine their windows: merging the
 * monitors of two streams gives the monitor of both streams.
 *
 * @param <R> the metric each bucket computes, e.g. {@code NetPromoterScore}
 */
public final class ScoreMonitor<R> {

  private final MonitorConfig config;
  private final Supplier<ScoreAccumulator<R>> factory;
  private final Scale scale;
  private final long bucketMillis;
  private final long latenessMillis;
  private final int retained;
  private final ConcurrentHashMap<String, Key<R>> keys = new ConcurrentHashMap<>();
  private final Key<R> other;
  // Newest event time seen, Long.MIN_VALUE before the first.
  private final AtomicLong watermark = new AtomicLong(Long.MIN_VALUE);
  private final LongAdder late = new LongAdder();

  private ScoreMonitor(MonitorConfig config, Supplier<ScoreAccumulator<R>> factory) {
    this.config = Objects.requireNonNull(config, "config");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.scale = factory.get().scale();
    this.bucketMillis = config.bucketSize().millis();
    this.latenessMillis = config.lateness().toMillis();
    this.retained = config.retainedBuckets();
    this.other = new Key<>(this, config.otherKey());
  }

  /**
   * Returns an empty monitor with {@code config} whose buckets are accumulators from {@code
   * factory}, e.g. {@code ScoreMonitor.of(MonitorConfig.sliding(BucketSize.HOUR, 24),
   * NetPromoterScore::accumulator)}.
   */
  public static <R> ScoreMonitor<R> of(
      MonitorConfig config, Supplier<ScoreAccumulator<R>> factory) {
    return new ScoreMonitor<>(config, factory);
  }

  /** Returns the configuration. */
  public MonitorConfig config() {
    return config;
  }

  /** Returns the scale of the monitored scores. */
  public Scale scale() {
    return scale;
  }

  /**
   * Returns the handle of key {@code name}, creating it if new; when {@link
   * MonitorConfig#maxKeys()} keys exist already, returns the handle of the other key. Resolve once
   * and keep the handle on hot paths.
   */
  public Key<R> key(String name) {
    Key<R> k = keys.get(name);
    return k != null ? k : create(name);
  }

  private Key<R> create(String name) {
    Objects.requireNonNull(name, "key");
    if (name.equals(config.otherKey())) {
      return other;
    }
    synchronized (keys) {
      Key<R> k = keys.get(name);
      if (k != null) {
        return k;
      }
      if (keys.size() >= config.maxKeys()) {
        return other;
      }
      k = new Key<>(this, name);
      keys.put(name, k);
      return k;
    }
  }

  /**
   * Adds one unweighted response with score {@code score} at {@code epochMillis} to key {@code
   * key}; equal to {@code key(key).add(score, epochMillis)}.
   *
   * @throws IllegalArgumentException if {@code score} is outside the scale (and not a declared
   *     missing code of the factory's accumulators) and the event is not late
   */
  public void add(String key, int score, long epochMillis) {
    key(key).add(score, epochMillis);
  }

  /**
   * Adds {@code response} (its score, weight and timestamp) to key {@code key}.
   *
   * @throws IllegalArgumentException as {@link ScoreAccumulator#add(SurveyResponse)}
   */
  public void add(String key, SurveyResponse response) {
    key(key).add(response);
  }

  /** Returns the number of responses not added because they were too late, over all keys. */
  public long lateCount() {
    return late.sum();
  }

  /** Returns the newest event time seen, or {@code null} before the first event. */
  public Instant watermark() {
    long w = watermark.get();
    return w == Long.MIN_VALUE ? null : Instant.ofEpochMilli(w);
  }

  /** Returns the number of keys kept, not counting the other key. */
  public int keyCount() {
    return keys.size();
  }

  /**
   * Returns a copy of every key's retained buckets (the other key included when it has data), the
   * watermark and the late counts. Ingestion continues meanwhile; each key is copied under its
   * lock, so every key is consistent in itself.
   */
  public MonitorSnapshot<R> snapshot() {
    long w = watermark.get();
    long oldest =
        w == Long.MIN_VALUE ? Long.MIN_VALUE : config.bucketSize().bucketOf(w) - retained + 1;
    TreeMap<String, MonitorSnapshot.KeyState<R>> states = new TreeMap<>();
    for (Key<R> k : keys.values()) {
      states.put(k.name, k.copy(oldest));
    }
    MonitorSnapshot.KeyState<R> o = other.copy(oldest);
    if (!o.buckets().isEmpty() || o.late() > 0) {
      states.put(other.name, o);
    }
    return new MonitorSnapshot<>(config, factory, w, states);
  }

  /**
   * Adds everything in {@code snapshot} (from another instance of the same service, say): its
   * buckets are merged into this monitor's keys (new keys obey the key cap), its late counts are
   * added, and the watermark becomes the newer of the two. Buckets older than this monitor's
   * retention (after the watermark update) are not added; their responses are counted as late.
   *
   * @throws IllegalArgumentException if the bucket size or the scale differs
   */
  public void merge(MonitorSnapshot<R> snapshot) {
    if (snapshot.config().bucketSize() != config.bucketSize()) {
      throw new IllegalArgumentException(
          "cannot merge "
              + snapshot.config().bucketSize()
              + " buckets into "
              + config.bucketSize()
              + " buckets");
    }
    if (!snapshot.scale().equals(scale)) {
      throw new IllegalArgumentException(
          "cannot merge scores on " + snapshot.scale() + " into a monitor of scores on " + scale);
    }
    snapshot.watermark().ifPresent(t -> advance(t.toEpochMilli()));
    long w = watermark.get();
    long oldest =
        w == Long.MIN_VALUE ? Long.MIN_VALUE : config.bucketSize().bucketOf(w) - retained + 1;
    for (Map.Entry<String, MonitorSnapshot.KeyState<R>> e : snapshot.states().entrySet()) {
      key(e.getKey()).mergeState(e.getValue(), oldest);
    }
  }

  /**
   * Reads a snapshot written by {@link MonitorSnapshot#writeTo} and {@link #merge}s it.
   *
   * @throws IOException if {@code in} fails or ends early
   * @throws IllegalArgumentException as {@link MonitorSnapshot#readFrom}
   */
  public void mergeFrom(DataInput in) throws IOException {
    merge(MonitorSnapshot.readFrom(in, config, factory));
  }

  private void advance(long t) {
    long w;
    while (t > (w = watermark.get()) && !watermark.compareAndSet(w, t)) {
      // another writer moved the watermark; retry against its value
    }
  }

  /**
   * A pre-resolved key of a {@link ScoreMonitor}: the fast path for ingestion. Thread-safe.
   *
   * @param <R> the monitor's metric
   */
  public static final class Key<R> {
    private final ScoreMonitor<R> monitor;
    private final String name;
    // Ring of retained buckets: slot floorMod(bucket, retained) holds bucket ringBucket[slot].
    private final ScoreAccumulator<R>[] ring;
    private final long[] ringBucket;
    // The newest bucket added to, cached: most adds go there.
    private ScoreAccumulator<R> current;
    private long currentBucket = Long.MIN_VALUE;
    private long late;

    @SuppressWarnings("unchecked")
    private Key(ScoreMonitor<R> monitor, String name) {
      this.monitor = monitor;
      this.name = name;
      this.ring = new ScoreAccumulator[monitor.retained];
      this.ringBucket = new long[monitor.retained];
      java.util.Arrays.fill(ringBucket, Long.MIN_VALUE);
    }

    /** Returns the key's name (the other key's name for keys beyond the cap). */
    public String name() {
      return name;
    }

    /**
     * Adds one unweighted response with score {@code score} at {@code epochMillis} (see the class
     * comment for lateness).
     *
     * @throws IllegalArgumentException if the event is not late and {@code score} is outside the
     *     scale and not a declared missing code
     */
    public void add(int score, long epochMillis) {
      ScoreMonitor<R> m = monitor;
      long w = m.watermark.get();
      long bucket = Math.floorDiv(epochMillis, m.bucketMillis);
      synchronized (this) {
        ScoreAccumulator<R> acc = accept(m, epochMillis, bucket, w);
        if (acc == null) {
          late++;
          m.late.increment();
          return;
        }
        acc.add(score);
      }
      if (epochMillis > w) {
        m.advance(epochMillis);
      }
    }

    /** Adds one unweighted response at {@code time}; see {@link #add(int, long)}. */
    public void add(int score, Instant time) {
      add(score, time.toEpochMilli());
    }

    /**
     * Adds {@code count} unweighted responses with score {@code score} at {@code epochMillis} (late
     * ones add {@code count} to the late count).
     *
     * @throws IllegalArgumentException if {@code count < 0}, or as {@link #add(int, long)}
     */
    public void addCount(int score, long count, long epochMillis) {
      if (count < 0) {
        throw new IllegalArgumentException("count must be non-negative, got " + count);
      }
      ingest(epochMillis, count, acc -> acc.addCount(score, count));
    }

    /**
     * Adds one response with sampling weight {@code weight} at {@code epochMillis}.
     *
     * @throws IllegalArgumentException as {@link ScoreAccumulator#addWeighted} or {@link #add(int,
     *     long)}
     */
    public void addWeighted(int score, double weight, long epochMillis) {
      ingest(epochMillis, 1, acc -> acc.addWeighted(score, weight));
    }

    /**
     * Adds {@code response}: its score, its weight unless 1, at its timestamp.
     *
     * @throws IllegalArgumentException as {@link ScoreAccumulator#add(SurveyResponse)}
     */
    public void add(SurveyResponse response) {
      ingest(response.timestamp().toEpochMilli(), 1, acc -> acc.add(response));
    }

    private void ingest(
        long epochMillis, long n, java.util.function.Consumer<ScoreAccumulator<R>> op) {
      ScoreMonitor<R> m = monitor;
      long w = m.watermark.get();
      long bucket = Math.floorDiv(epochMillis, m.bucketMillis);
      synchronized (this) {
        ScoreAccumulator<R> acc = accept(m, epochMillis, bucket, w);
        if (acc == null) {
          late += n;
          m.late.add(n);
          return;
        }
        op.accept(acc);
      }
      if (epochMillis > w) {
        m.advance(epochMillis);
      }
    }

    /** Returns the number of responses for this key not added because they were too late. */
    public synchronized long lateCount() {
      return late;
    }

    private static boolean isLate(ScoreMonitor<?> m, long t, long w) {
      return w != Long.MIN_VALUE && t < w && w - t > m.latenessMillis;
    }

    // The accumulator of `bucket`, or null if the event is late or its bucket evicted.
    private ScoreAccumulator<R> accept(ScoreMonitor<R> m, long t, long bucket, long w) {
      if (isLate(m, t, w)) {
        return null;
      }
      if (w != Long.MIN_VALUE && bucket <= Math.floorDiv(w, m.bucketMillis) - m.retained) {
        return null; // older than the retained buckets
      }
      return slot(bucket);
    }

    private ScoreAccumulator<R> slot(long bucket) {
      if (bucket == currentBucket) {
        return current;
      }
      int s = (int) Math.floorMod(bucket, (long) ring.length);
      if (ringBucket[s] != bucket) {
        if (ring[s] != null && ringBucket[s] > bucket) {
          return null; // a newer bucket holds the slot: this one was evicted
        }
        ring[s] = monitor.factory.get(); // evicts the old bucket of this slot
        ringBucket[s] = bucket;
      }
      if (bucket >= currentBucket) {
        current = ring[s];
        currentBucket = bucket;
      }
      return ring[s];
    }

    private synchronized MonitorSnapshot.KeyState<R> copy(long oldest) {
      TreeMap<Long, ScoreAccumulator<R>> buckets = new TreeMap<>();
      for (int s = 0; s < ring.length; s++) {
        if (ring[s] != null && ringBucket[s] >= oldest) {
          buckets.put(ringBucket[s], ring[s].copy());
        }
      }
      return new MonitorSnapshot.KeyState<>(late, buckets);
    }

    private void mergeState(MonitorSnapshot.KeyState<R> state, long oldest) {
      long dropped = 0;
      synchronized (this) {
        late += state.late();
        for (Map.Entry<Long, ScoreAccumulator<R>> e : state.buckets().entrySet()) {
          ScoreAccumulator<R> acc = e.getKey() >= oldest ? slot(e.getKey()) : null;
          if (acc == null) {
            dropped += e.getValue().n();
          } else {
            acc.merge(e.getValue());
          }
        }
        late += dropped;
      }
      monitor.late.add(state.late() + dropped);
    }

    @Override
    public String toString() {
      return "ScoreMonitor.Key[" + name + "]";
    }
  }
}
