package org.cx4j.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.timing.DurationSummary;
import org.cx4j.journey.timing.SecondsHistogram;

/**
 * A funnel definition: ordered steps, a conversion window measured from the first step,
 * optional per-step windows measured from the previous step, optional steps, exclusion steps
 * between two steps, a {@link FunnelMode} and a {@link CountingUnit}.
 *
 * <p><b>Counting.</b> Every event matching the first step starts an attempt (in {@link
 * FunnelMode#UNORDERED} mode, every event matching any step). Each unit counts once, by the
 * attempt that gets furthest, the earliest attempt on ties. In {@link FunnelMode#ORDERED} mode an
 * attempt reaches step {@code k} when some chain of events {@code e0 < e1 < ... < ek} matches
 * the steps (skipping optional ones) with {@code t(ek) - t(e0) <= window}, each {@code t(ei) -
 * t(e(i-1)) <= stepWindow(i)}, and no exclusion event for gap {@code i} strictly between
 * {@code e(i-1)} and {@code ei}. The search keeps, per step, the latest reachable event, which
 * is the best predecessor for both the step window and exclusions, so it is exact in one pass
 * per attempt. Time to convert to step {@code k} is the time from {@code e0} to the first event
 * that reached step {@code k} in the best attempt.
 *
 * <p>Immutable and thread-safe; use {@link #accumulator()} to count partitions and merge.
 */
public final class Funnel {

  private static final long NO_WINDOW = Long.MAX_VALUE;

  private final ImmutableList<FunnelStep> steps;
  private final boolean[] optional;
  private final long windowMillis;
  private final long[] stepWindowMillis;
  private final List<List<FunnelStep>> exclusions; // exclusions.get(g): between step g and g+1
  private final FunnelMode mode;
  private final CountingUnit unit;

  private Funnel(Builder b) {
    this.steps = ImmutableList.copyOf(b.steps);
    this.optional = toArray(b.optional);
    this.windowMillis = b.windowMillis;
    this.stepWindowMillis = new long[steps.size()];
    Arrays.fill(stepWindowMillis, NO_WINDOW);
    for (Map.Entry<Integer, Long> e : b.stepWindows.entrySet()) {
      stepWindowMillis[e.getKey()] = e.getValue();
    }
    List<List<FunnelStep>> ex = new ArrayList<>();
    for (int g = 0; g < steps.size(); g++) {
      ex.add(List.copyOf(b.exclusions.getOrDefault(g, List.of())));
    }
    this.exclusions = List.copyOf(ex);
    this.mode = b.mode;
    this.unit = b.unit;
  }

  private static boolean[] toArray(List<Boolean> l) {
    boolean[] a = new boolean[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  /** Returns a builder: ordered mode, counting journeys, no window. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the step labels. */
  public List<String> labels() {
    List<String> l = new ArrayList<>();
    for (FunnelStep s : steps) {
      l.add(s.label());
    }
    return List.copyOf(l);
  }

  /** Returns the number of steps. */
  public int size() {
    return steps.size();
  }

  /** Returns the mode. */
  public FunnelMode mode() {
    return mode;
  }

  /** Returns the counting unit. */
  public CountingUnit unit() {
    return unit;
  }

  /** Returns the funnel over all of {@code journeys}. */
  public FunnelResult run(Journeys journeys) {
    return accumulator().addAll(journeys).result();
  }

  /** Returns an empty accumulator for this funnel. */
  public Accumulator accumulator() {
    return new Accumulator(this);
  }

  /**
   * Returns the funnel broken down by {@code property}, read at {@code attribution} of each
   * unit's best attempt.
   *
   * @throws IllegalArgumentException if the attribution step is not a step index
   */
  public FunnelBreakdown breakdown(Journeys journeys, FunnelProperty property, Attribution attribution) {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(attribution, "attribution");
    checkArgument(
        attribution.step() < steps.size(),
        "attribution step %s is outside the funnel's %s steps",
        attribution.step(),
        steps.size());
    Map<String, Accumulator> groups = new HashMap<>();
    Matcher m = new Matcher(this, journeys);
    forEachUnit(journeys, (from, to) -> {
      int f = m.evaluate(from, to);
      if (f < 0) {
        return;
      }
      int at = attribution.step() == -1 ? 0 : attribution.step() == -2 ? f : attribution.step();
      String key = at <= f && m.bestEvent[at] >= 0
          ? property.value(journeys, m.bestEvent[at])
          : Attribution.NOT_REACHED;
      groups.computeIfAbsent(key, k -> accumulator()).record(f, m.bestTime);
    });
    Map<String, FunnelResult> out = new HashMap<>();
    groups.forEach((k, v) -> out.put(k, v.result()));
    return new FunnelBreakdown(out, attribution);
  }

  /**
   * Returns the conversion trend: the funnel per UTC period ({@code DAYS}, {@code WEEKS},
   * {@code MONTHS}) of the first step, keyed by the period's first day.
   *
   * @throws IllegalArgumentException for another unit
   */
  public FunnelBreakdown trend(Journeys journeys, ChronoUnit period) {
    return breakdown(journeys, FunnelProperty.period(period), Attribution.FIRST_STEP);
  }

  interface UnitVisitor {
    void visit(int from, int to);
  }

  void forEachUnit(Journeys js, UnitVisitor v) {
    int n = js.journeyCount();
    if (unit == CountingUnit.JOURNEY) {
      for (int j = 0; j < n; j++) {
        v.visit(js.eventStart(j), js.eventEnd(j));
      }
    } else {
      int j = 0;
      while (j < n) {
        int c = js.customerCode(js.eventStart(j));
        int k = j + 1;
        while (k < n && js.customerCode(js.eventStart(k)) == c) {
          k++;
        }
        v.visit(js.eventStart(j), js.eventEnd(k - 1));
        j = k;
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Funnel[").append(mode).append(", by ").append(unit);
    if (windowMillis != NO_WINDOW) {
      sb.append(", window ").append(Duration.ofMillis(windowMillis));
    }
    sb.append(": ");
    for (int k = 0; k < steps.size(); k++) {
      sb.append(k == 0 ? "" : " > ").append(steps.get(k)).append(optional[k] ? "?" : "");
      if (stepWindowMillis[k] != NO_WINDOW) {
        sb.append(" within ").append(Duration.ofMillis(stepWindowMillis[k]));
      }
      if (!exclusions.get(k).isEmpty()) {
        sb.append(" (excluding ").append(exclusions.get(k)).append(" before next)");
      }
    }
    return sb.append(']').toString();
  }

  /**
   * Evaluates units against a funnel over one {@link Journeys}: step matching compiled to a bit
   * mask per touchpoint code. Reused across units; not thread-safe.
   */
  static final class Matcher {
    private final Funnel f;
    private final Journeys js;
    private final int m;
    private final long[] stepMaskByTp;
    private final long[] exclMaskByTp; // bit g: excluded between step g and g+1
    private final boolean predicates;
    private final boolean simple; // no exclusions and no per-step windows
    private final int[] lastReach;
    private final long[] time;
    private final int[] event;
    final long[] bestTime;
    final int[] bestEvent;

    Matcher(Funnel f, Journeys js) {
      this.f = f;
      this.js = js;
      this.m = f.steps.size();
      TouchpointDictionary d = js.dictionary();
      stepMaskByTp = new long[d.size()];
      exclMaskByTp = new long[d.size()];
      boolean p = false;
      for (int t = 0; t < d.size(); t++) {
        for (int k = 0; k < m; k++) {
          if (f.steps.get(k).matches(d.touchpoint(t))) {
            stepMaskByTp[t] |= 1L << k;
          }
          for (FunnelStep x : f.exclusions.get(k)) {
            if (x.matches(d.touchpoint(t))) {
              exclMaskByTp[t] |= 1L << k;
            }
          }
        }
      }
      for (int k = 0; k < m; k++) {
        p |= f.steps.get(k).isPredicate();
        for (FunnelStep x : f.exclusions.get(k)) {
          p |= x.isPredicate();
        }
      }
      predicates = p;
      boolean noExclusions = true;
      for (List<FunnelStep> x : f.exclusions) {
        noExclusions &= x.isEmpty();
      }
      simple = noExclusions && noStepWindows();
      lastReach = new int[m];
      time = new long[m];
      event = new int[m];
      bestTime = new long[m];
      bestEvent = new int[m];
    }

    private long stepMask(int e) {
      long mask = stepMaskByTp[js.touchpointCode(e)];
      if (predicates) {
        Interaction in = null;
        for (int k = 0; k < m; k++) {
          FunnelStep s = f.steps.get(k);
          if (s.isPredicate()) {
            in = in == null ? interaction(e) : in;
            if (s.test(in)) {
              mask |= 1L << k;
            }
          }
        }
      }
      return mask;
    }

    private long exclusionMask(int e) {
      long mask = exclMaskByTp[js.touchpointCode(e)];
      if (predicates) {
        Interaction in = null;
        for (int k = 0; k < m; k++) {
          for (FunnelStep x : f.exclusions.get(k)) {
            if (x.isPredicate()) {
              in = in == null ? interaction(e) : in;
              if (x.test(in)) {
                mask |= 1L << k;
              }
            }
          }
        }
      }
      return mask;
    }

    private Interaction interaction(int e) {
      int o = js.outcomeCode(e);
      return new Interaction(
          js.customers().get(js.customerCode(e)),
          js.dictionary().touchpoint(js.touchpointCode(e)),
          Instant.ofEpochMilli(js.epochMillis(e)),
          o < 0 ? null : js.outcomes().get(o),
          null,
          Map.of());
    }

    /**
     * Evaluates events {@code [from, to)}; returns the furthest step index reached by the best
     * attempt ({@code -1} if the first step never occurs) and fills {@link #bestTime} (millis
     * from the first step, {@code -1} if not reached) and {@link #bestEvent}.
     */
    int evaluate(int from, int to) {
      int best = -1;
      for (int s = from; s < to; s++) {
        long mask = stepMask(s);
        boolean starts = f.mode == FunnelMode.UNORDERED ? mask != 0 : (mask & 1L) != 0;
        if (!starts) {
          continue;
        }
        int reached;
        boolean cut;
        switch (f.mode) {
          case ORDERED:
            cut = ordered(s, to);
            break;
          case STRICT:
            cut = strict(s, to);
            break;
          default:
            cut = unordered(s, to, mask);
            break;
        }
        reached = furthest();
        if (reached > best) {
          best = reached;
          System.arraycopy(time, 0, bestTime, 0, m);
          System.arraycopy(event, 0, bestEvent, 0, m);
        }
        // A later attempt sees a subset of this one's events; without windows that cut this
        // attempt short, per-step windows or exclusions it cannot get further (ordered mode).
        if (best == m - 1 || (f.mode == FunnelMode.ORDERED && simple && !cut)) {
          break;
        }
      }
      return best;
    }

    private boolean noStepWindows() {
      for (long w : f.stepWindowMillis) {
        if (w != NO_WINDOW) {
          return false;
        }
      }
      return true;
    }

    private int furthest() {
      for (int k = m - 1; k >= 0; k--) {
        if (event[k] >= 0) {
          return k;
        }
      }
      return -1;
    }

    private void reset(int s) {
      Arrays.fill(lastReach, -1);
      Arrays.fill(time, -1);
      Arrays.fill(event, -1);
      lastReach[0] = s;
      time[0] = 0;
      event[0] = s;
    }

    /** Returns whether the window cut the attempt short. */
    private boolean ordered(int s, int to) {
      reset(s);
      long t0 = js.epochMillis(s);
      for (int e = s + 1; e < to; e++) {
        long t = js.epochMillis(e);
        if (t - t0 > f.windowMillis) {
          return true;
        }
        long ex = exclusionMask(e);
        while (ex != 0) {
          int g = Long.numberOfTrailingZeros(ex);
          ex &= ex - 1;
          lastReach[g] = -1;
        }
        long mask = stepMask(e) & ~1L;
        if (mask == 0) {
          continue;
        }
        // Highest step first, so that one event never serves as two consecutive steps.
        for (int k = 63 - Long.numberOfLeadingZeros(mask); k >= 1; k--) {
          if ((mask & (1L << k)) == 0) {
            continue;
          }
          int pred = -1;
          for (int j = k - 1; j >= 0; j--) {
            pred = Math.max(pred, lastReach[j]);
            if (!f.optional[j]) {
              break;
            }
          }
          if (pred >= 0 && t - js.epochMillis(pred) <= f.stepWindowMillis[k]) {
            lastReach[k] = e;
            if (event[k] < 0) {
              event[k] = e;
              time[k] = t - t0;
            }
          }
        }
        if (event[m - 1] >= 0) {
          return false;
        }
      }
      return false;
    }

    private boolean strict(int s, int to) {
      reset(s);
      long t0 = js.epochMillis(s);
      int k = 1;
      long prevT = t0;
      for (int e = s + 1; e < to && k < m; e++) {
        long t = js.epochMillis(e);
        if (t - t0 > f.windowMillis) {
          return true;
        }
        long mask = stepMask(e);
        int matched = -1;
        for (int j = k; j < m; j++) {
          if ((mask & (1L << j)) != 0 && t - prevT <= f.stepWindowMillis[j]) {
            matched = j;
            break;
          }
          if (!f.optional[j]) {
            break;
          }
        }
        if (matched < 0) {
          return false;
        }
        event[matched] = e;
        time[matched] = t - t0;
        prevT = t;
        k = matched + 1;
      }
      return false;
    }

    private boolean unordered(int s, int to, long firstMask) {
      reset(s);
      event[0] = -1; // in any order, the attempt's first event need not be step 0
      time[0] = -1;
      long t0 = js.epochMillis(s);
      long done = 0;
      boolean cut = false;
      int reached = -1;
      for (int e = s; e < to; e++) {
        long t = js.epochMillis(e);
        if (t - t0 > f.windowMillis) {
          cut = true;
          break;
        }
        long mask = e == s ? firstMask : stepMask(e);
        if ((mask & ~done) == 0) {
          continue;
        }
        done |= mask;
        // Extend the prefix of completed steps (optional steps may be missing).
        int k = reached + 1;
        while (k < m && ((done & (1L << k)) != 0 || (f.optional[k] && hasLaterRequired(done, k)))) {
          if ((done & (1L << k)) != 0) {
            event[k] = e;
            time[k] = t - t0;
          }
          reached = k;
          k++;
        }
      }
      // Trailing optional steps that were not done do not count as reached.
      while (reached >= 0 && event[reached] < 0) {
        reached--;
      }
      if (reached < 0) {
        Arrays.fill(event, -1);
        Arrays.fill(time, -1);
      }
      for (int k = reached + 1; k < m; k++) {
        event[k] = -1;
        time[k] = -1;
      }
      return cut;
    }

    /** Returns whether some step after optional step {@code k}, up to the next required one, is done. */
    private boolean hasLaterRequired(long done, int k) {
      for (int j = k + 1; j < m; j++) {
        if ((done & (1L << j)) != 0) {
          return true;
        }
        if (!f.optional[j]) {
          return false;
        }
      }
      return false;
    }
  }

  /**
   * Counts units into a funnel result. Single-threaded; accumulators of the same funnel {@link
   * #merge} into the result of their union.
   */
  public static final class Accumulator {
    private final Funnel funnel;
    private final long[] counts;
    private final SecondsHistogram[] times;

    Accumulator(Funnel funnel) {
      this.funnel = funnel;
      int m = funnel.steps.size();
      counts = new long[m];
      times = new SecondsHistogram[m];
      for (int k = 0; k < m; k++) {
        times[k] = new SecondsHistogram();
      }
    }

    /** Adds every unit (journey or customer) of {@code journeys}. */
    public Accumulator addAll(Journeys journeys) {
      Matcher m = new Matcher(funnel, journeys);
      funnel.forEachUnit(journeys, (from, to) -> record(m.evaluate(from, to), m.bestTime));
      return this;
    }

    void record(int furthest, long[] bestTime) {
      for (int k = 0; k <= furthest; k++) {
        counts[k]++;
        if (bestTime[k] >= 0) {
          times[k].addMillis(bestTime[k]);
        }
      }
    }

    /**
     * Adds everything {@code other} counted.
     *
     * @throws IllegalArgumentException if {@code other} belongs to another funnel
     */
    public Accumulator merge(Accumulator other) {
      checkArgument(other.funnel == funnel || other.funnel.toString().equals(funnel.toString()),
          "cannot merge results of different funnels: %s and %s", funnel, other.funnel);
      for (int k = 0; k < counts.length; k++) {
        counts[k] += other.counts[k];
        times[k].merge(other.times[k]);
      }
      return this;
    }

    /**
     * Writes what this accumulator counted (the funnel's description, then per step the count and
     * the time-to-step histogram) so that another process can {@link #mergeFrom} it into an
     * accumulator of the same funnel: the way a distributed engine (cx-spark) merges per-partition
     * funnels. The format is private to cx4j and may change between versions.
     *
     * @throws IOException if {@code out} fails
     */
    public void writeTo(DataOutput out) throws IOException {
      out.writeUTF(fingerprint());
      out.writeInt(counts.length);
      for (int k = 0; k < counts.length; k++) {
        out.writeLong(counts[k]);
        times[k].writeTo(out);
      }
    }

    /**
     * Adds what a {@link #writeTo} of an accumulator of the same funnel wrote: the result equals
     * one accumulator fed both inputs, as with {@link #merge}.
     *
     * @return this accumulator
     * @throws IOException if {@code in} fails or ends early
     * @throws IllegalArgumentException if the state belongs to another funnel
     */
    public Accumulator mergeFrom(DataInput in) throws IOException {
      String other = in.readUTF();
      checkArgument(other.equals(fingerprint()),
          "cannot merge results of different funnels: %s and %s", fingerprint(), other);
      int m = in.readInt();
      checkArgument(m == counts.length, "state has %s steps, the funnel %s", m, counts.length);
      long[] c = new long[m];
      SecondsHistogram[] t = new SecondsHistogram[m];
      for (int k = 0; k < m; k++) {
        c[k] = in.readLong();
        checkArgument(c[k] >= 0, "step %s count must be non-negative, got %s", k, c[k]);
        t[k] = SecondsHistogram.readFrom(in);
      }
      // Read fully before changing anything, so a truncated state leaves this unchanged.
      for (int k = 0; k < m; k++) {
        counts[k] += c[k];
        times[k].merge(t[k]);
      }
      return this;
    }

    // writeUTF holds at most 65535 bytes: a very long description is cut, its hash kept.
    private String fingerprint() {
      String f = funnel.toString();
      return f.length() <= 16_000 ? f : f.substring(0, 16_000) + "#" + f.hashCode();
    }

    /** Returns the result so far. */
    public FunnelResult result() {
      List<DurationSummary> t = new ArrayList<>();
      for (SecondsHistogram h : times) {
        t.add(h.snapshot());
      }
      return new FunnelResult(funnel.labels(), counts, t);
    }
  }

  /**
   * Builds a {@link Funnel}. Steps are numbered from 0 in the order added.
   */
  public static final class Builder {
    private final List<FunnelStep> steps = new ArrayList<>();
    private final List<Boolean> optional = new ArrayList<>();
    private final Map<Integer, Long> stepWindows = new HashMap<>();
    private final Map<Integer, List<FunnelStep>> exclusions = new HashMap<>();
    private long windowMillis = NO_WINDOW;
    private FunnelMode mode = FunnelMode.ORDERED;
    private CountingUnit unit = CountingUnit.JOURNEY;

    Builder() {}

    /** Adds a required step. */
    public Builder step(FunnelStep step) {
      steps.add(Objects.requireNonNull(step, "step"));
      optional.add(false);
      return this;
    }

    /** Adds a required step at the touchpoint {@code id}. */
    public Builder step(String touchpointId) {
      return step(FunnelStep.touchpoint(touchpointId));
    }

    /** Adds an optional step: a unit may skip it (it then counts as passed if a later step is reached). */
    public Builder optionalStep(FunnelStep step) {
      steps.add(Objects.requireNonNull(step, "step"));
      optional.add(true);
      return this;
    }

    /**
     * Sets the conversion window, measured from the first step.
     *
     * @throws IllegalArgumentException if {@code window} is zero or negative, naming it
     */
    public Builder window(Duration window) {
      windowMillis = positiveMillis(window, "conversion window");
      return this;
    }

    /**
     * Sets the window of step {@code step} (0-based, at least 1), measured from the previous step.
     *
     * @throws IllegalArgumentException if {@code window} is zero or negative, or {@code step < 1}
     */
    public Builder stepWindow(int step, Duration window) {
      checkArgument(step >= 1, "a step window applies to steps 1 and later, got step %s", step);
      stepWindows.put(step, positiveMillis(window, "window of step " + step));
      return this;
    }

    /**
     * Excludes {@code step} between step {@code after} and step {@code after + 1} (0-based): an
     * attempt with such an event between them does not go on.
     *
     * @throws IllegalArgumentException if {@code after < 0}
     */
    public Builder exclude(int after, FunnelStep step) {
      checkArgument(after >= 0, "exclusion position must be >= 0, got %s", after);
      exclusions.computeIfAbsent(after, k -> new ArrayList<>()).add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /** Sets the mode (default {@link FunnelMode#ORDERED}). */
    public Builder mode(FunnelMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Sets the counting unit (default {@link CountingUnit#JOURNEY}). */
    public Builder countBy(CountingUnit unit) {
      this.unit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    /**
     * Returns the funnel.
     *
     * @throws IllegalArgumentException if there are no steps or more than 64, a step repeats, the
     *     first step is optional, or a step window or exclusion names a step that does not exist
     */
    public Funnel build() {
      checkArgument(!steps.isEmpty(), "a funnel needs at least one step, got none");
      checkArgument(steps.size() <= 64, "a funnel has at most 64 steps, got %s", steps.size());
      for (int i = 0; i < steps.size(); i++) {
        for (int j = i + 1; j < steps.size(); j++) {
          checkArgument(
              !steps.get(i).equals(steps.get(j)),
              "funnel step %s appears twice (steps %s and %s)",
              steps.get(i),
              i,
              j);
        }
      }
      checkArgument(!optional.get(0), "the first funnel step cannot be optional: %s", steps.get(0));
      for (int k : stepWindows.keySet()) {
        checkArgument(k < steps.size(), "step window for step %s, but the funnel has %s steps", k, steps.size());
      }
      for (int g : exclusions.keySet()) {
        checkArgument(
            g + 1 < steps.size(),
            "exclusion after step %s, but the funnel has %s steps (needs a step after it)",
            g,
            steps.size());
      }
      return new Funnel(this);
    }

    private static long positiveMillis(Duration d, String what) {
      Objects.requireNonNull(d, what);
      checkArgument(!d.isNegative() && !d.isZero(), "%s must be positive, got %s", what, d);
      return d.toMillis();
    }
  }
}
