package org.cx4j.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.internal.PartialStates;
import org.cx4j.journey.log.TouchpointDictionary;
import org.cx4j.journey.log.UnknownNames;
import org.cx4j.journey.rebuild.Journeys;
import org.cx4j.journey.timing.DurationSummary;
import org.cx4j.journey.timing.SecondsHistogram;

/**
 * A funnel definition: steps {@code 0..m-1} (step 0 required, later ones required or optional), an
 * optional conversion window {@code W}, optional step windows {@code w(k)} ({@code k >= 1}),
 * exclusions attached to gap {@code g} (between step {@code g} and step {@code g + 1}), a {@link
 * FunnelMode}, a {@link CountingUnit} and an {@link ExclusionScope}.
 *
 * <p><b>Definition.</b> What a funnel counts, rule by rule, each with a worked example (letters are
 * touchpoints, numbers seconds; the README has the same text).
 *
 * <ol>
 *   <li><b>Units and order.</b> A unit is a journey, or ({@link CountingUnit#CUSTOMER}) all the
 *       events of one customer over all their journeys. A unit's events are totally ordered by
 *       (timestamp, position in the input log); "before", "after" and "between" use that order,
 *       never journey ids. <i>Example:</i> customer c has journey "j1" = [B at 20] and journey "j2"
 *       = [A at 10]; by customer, funnel A &gt; B sees A then B and converts c.
 *   <li><b>Attempts.</b> Every event matching step 0 starts an attempt ({@link
 *       FunnelMode#UNORDERED}: every event matching any step). <i>Example:</i> A B A C with funnel
 *       A &gt; C has two attempts, at the first and the third event.
 *   <li><b>Chains ({@link FunnelMode#ORDERED}).</b> An attempt starting at event {@code a} reaches
 *       step {@code k} when it has a valid chain ending at step {@code k}: events {@code a = c0 <
 *       c1 < ... < cr} and steps {@code 0 = s0 < s1 < ... < sr = k} with {@code ci} matching step
 *       {@code si}, every step strictly between {@code s(i-1)} and {@code si} optional (skipped),
 *       and rules 4 and 5 holding. One event is at most one step of a chain; an event matching
 *       several steps may be any one of them. <i>Example:</i> A &gt; B? &gt; C (B optional) over A
 *       C: the chain (A as 0, C as 2) skips B and reaches step 2.
 *   <li><b>Windows</b>, compared with {@code <=}: {@code t(cr) - t(a) <= W}; and for each matched
 *       step {@code si} ({@code i >= 1}) {@code t(ci) - t(c(i-1)) <= w(si)}, measured from the
 *       previous <em>matched</em> step (the window of a skipped step does not apply).
 *       <i>Example:</i> {@code W} = 60 s, A at 0: B at 60 is reached, B at 61 is not.
 *   <li><b>Exclusions</b> look only at events strictly between two consecutive matched step events
 *       {@code c(i-1)} and {@code ci}, and there at the exclusions of every gap the chain spans,
 *       {@code s(i-1)} to {@code si - 1} (skipped gaps included); a matched step event is never
 *       checked against exclusions. With {@link ExclusionScope#BREAK_CHAIN} (default) such an event
 *       makes the chain invalid. With {@link ExclusionScope#DROP_UNIT} (PostHog's rule), a unit
 *       whose furthest step over all attempts with exclusions applied is lower than with exclusions
 *       ignored counts at no step. <i>Examples:</i> A &gt; B excluding X in gap 0: A X B is broken
 *       (BREAK_CHAIN counts the unit at step 0, DROP_UNIT nowhere); if B itself also matches the
 *       exclusion, A B still reaches B; A X A B reaches B under both scopes (the second attempt is
 *       clean). A &gt; B? &gt; C excluding X in gap 1: A X C is broken (the chain A, C spans gaps 0
 *       and 1), A X B C is not.
 *   <li><b>{@link FunnelMode#STRICT}</b> is ORDERED with {@code ci} the event immediately after
 *       {@code c(i-1)} in the unit. Every choice of step per event is explored (an automaton over
 *       sets of steps). Exclusions are rejected in this mode: no event lies between two matched
 *       steps. <i>Example:</i> A &gt; B? &gt; C &gt; D where the event x matches both B and C: A x
 *       D reaches D (x as C); A y D reaches step 0 only.
 *   <li><b>{@link FunnelMode#UNORDERED}.</b> An attempt starting at event {@code a} uses the events
 *       from {@code a} on with {@code t - t(a) <= W}; an event counts for every step it matches.
 *       The attempt reaches step {@code k} at the first event by which step {@code k} and every
 *       required step before it have each been matched, and the time to step {@code k} is the time
 *       of that event minus {@code t(a)} (an optional step never matched has no time). Step windows
 *       and exclusions are rejected in this mode. <i>Example:</i> A &gt; B &gt; C over C(0) A(5)
 *       B(9): the attempt at C reaches A at 5 s, B and C at 9 s.
 *   <li><b>Counting.</b> An attempt's furthest step is the largest step it reaches (an UNORDERED
 *       attempt may reach none). Each unit counts once, by its best attempt: the furthest step,
 *       then the earliest start; it counts at every step up to that one, skipped optional steps
 *       included. A unit none of whose attempts reaches a step counts nowhere. <i>Example:</i> A
 *       &gt; B &gt; C with {@code W} = 10 s over A(0) A(8) B(12) C(15): the first attempt reaches
 *       step 0 (B is outside its window), the second reaches C; the unit counts at all three steps,
 *       by the second attempt.
 *   <li><b>Time to step</b> {@code k} (ORDERED, STRICT) is the minimum, over the valid chains of
 *       the best attempt that match step {@code k}, of {@code t(event at step k) - t(a)}; an
 *       optional step that no valid chain of the best attempt matches has no time (it is still
 *       counted). Step 0 has time 0. <i>Example:</i> A &gt; B? &gt; C over A(0) C(5) B(7): the unit
 *       reaches C (time 5) and B has time 7 (the chain A, B is valid on its own).
 * </ol>
 *
 * <p>A funnel or exclusion step naming a touchpoint that is not in the journeys' dictionary is
 * rejected when the funnel is run, with up to three closest known names ({@link UnknownNames});
 * {@link Builder#unknownTouchpoints} accepts such names instead.
 *
 * <p><b>Cost.</b> Per unit, the step and exclusion masks of its events are computed once (predicate
 * steps build one {@link Interaction} per event). Per attempt, ORDERED keeps for each step the
 * latest event ending a valid chain there and the gaps excluded since then (the latest end is the
 * best predecessor for windows and exclusions alike), and STRICT keeps the set of steps the
 * previous event can be: both {@code O(events x steps)} per attempt, no allocation per event. In
 * ORDERED mode without step windows or exclusions, an attempt that the conversion window did not
 * cut short ends the search (later attempts see a subset of its events).
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
  private final ExclusionScope exclusionScope;
  private final UnknownNames unknownNames;
  private volatile byte[] definition; // lazily, see definition()

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
    this.exclusionScope = b.exclusionScope;
    this.unknownNames = b.unknownNames;
  }

  private static boolean[] toArray(List<Boolean> l) {
    boolean[] a = new boolean[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  /**
   * Returns a builder: ordered mode, counting journeys, no window, exclusions breaking the chain,
   * unknown touchpoint names rejected.
   */
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

  /** Returns what an excluded event does (default {@link ExclusionScope#BREAK_CHAIN}). */
  public ExclusionScope exclusionScope() {
    return exclusionScope;
  }

  /**
   * Returns the funnel over all of {@code journeys}.
   *
   * @throws IllegalArgumentException if a step or exclusion names a touchpoint that is not in the
   *     journeys' dictionary (unless {@link UnknownNames#ALLOW}), naming the closest known ones
   */
  public FunnelResult run(Journeys journeys) {
    return accumulator().addAll(journeys).result();
  }

  /** Returns an empty accumulator for this funnel. */
  public Accumulator accumulator() {
    return new Accumulator(this);
  }

  /**
   * Returns the funnel broken down by {@code property}, read at {@code attribution} of each unit's
   * best attempt (at step {@code k}: the event giving its time to step, the earliest).
   *
   * @throws IllegalArgumentException if the attribution step is not a step index, or a step names
   *     an unknown touchpoint (see {@link #run})
   */
  public FunnelBreakdown breakdown(
      Journeys journeys, FunnelProperty property, Attribution attribution) {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(attribution, "attribution");
    checkArgument(
        attribution.step().orElse(0) < steps.size(),
        "attribution step %s is outside the funnel's %s steps",
        attribution.step().orElse(0),
        steps.size());
    Map<String, Accumulator> groups = new HashMap<>();
    Matcher m = new Matcher(this, journeys);
    forEachUnit(
        journeys,
        (from, to) -> {
          int f = m.evaluate(from, to);
          if (f < 0) {
            return;
          }
          int at = attribution.stepFor(f);
          String key =
              at <= f && m.bestEvent[at] >= 0
                  ? property.value(journeys, m.bestEvent[at])
                  : Attribution.NOT_REACHED;
          groups.computeIfAbsent(key, k -> accumulator()).record(f, m.bestTime);
        });
    Map<String, FunnelResult> out = new HashMap<>();
    groups.forEach((k, v) -> out.put(k, v.result()));
    return new FunnelBreakdown(out, attribution);
  }

  /**
   * Returns the conversion trend: the funnel per UTC period ({@code DAYS}, {@code WEEKS}, {@code
   * MONTHS}) of the first step, keyed by the period's first day.
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

  /**
   * Returns whether {@code other} counts the same way: the same steps (compared as {@link
   * FunnelStep#equals}: by kind and value, so two {@code matching} steps with the same label
   * agree), optional flags, windows, exclusions, mode, counting unit, exclusion scope and policy
   * for unknown names. Accumulators of such funnels may merge; compared field by field, not by
   * their descriptions.
   */
  boolean sameDefinition(Funnel other) {
    return other == this
        || (steps.equals(other.steps)
            && Arrays.equals(optional, other.optional)
            && windowMillis == other.windowMillis
            && Arrays.equals(stepWindowMillis, other.stepWindowMillis)
            && exclusions.equals(other.exclusions)
            && mode == other.mode
            && unit == other.unit
            && exclusionScope == other.exclusionScope
            && unknownNames == other.unknownNames);
  }

  /**
   * The definition as bytes, field by field (modes, windows, then each step's kind, label,
   * optionality and window, then the exclusions per gap): equal exactly when {@link
   * #sameDefinition} holds, so a partial state carries its funnel without relying on {@link
   * #toString}. Strings are written as a length and UTF-8 bytes, so no label is too long.
   */
  byte[] definition() {
    byte[] d = definition;
    if (d == null) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      try {
        writeString(out, mode.name());
        writeString(out, unit.name());
        writeString(out, exclusionScope.name());
        writeString(out, unknownNames.name());
        out.writeLong(windowMillis);
        out.writeInt(steps.size());
        for (int k = 0; k < steps.size(); k++) {
          writeStep(out, steps.get(k));
          out.writeBoolean(optional[k]);
          out.writeLong(stepWindowMillis[k]);
        }
        out.writeInt(exclusions.size());
        for (List<FunnelStep> gap : exclusions) {
          out.writeInt(gap.size());
          for (FunnelStep e : gap) {
            writeStep(out, e);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
      }
      d = bytes.toByteArray();
      definition = d;
    }
    return d;
  }

  private static void writeStep(DataOutput out, FunnelStep step) throws IOException {
    writeString(out, step.kindName());
    writeString(out, step.label());
  }

  private static void writeString(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Funnel[").append(mode).append(", by ").append(unit);
    if (windowMillis != NO_WINDOW) {
      sb.append(", window ").append(Duration.ofMillis(windowMillis));
    }
    if (exclusionScope != ExclusionScope.BREAK_CHAIN) {
      sb.append(", exclusions ").append(exclusionScope);
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
   * mask per touchpoint code; each unit's events are copied once into reused buffers (time, step
   * mask, exclusion mask) in the unit's total order. Reused across units; not thread-safe.
   */
  static final class Matcher {
    private final Funnel f;
    private final Journeys js;
    private final int m;
    private final long[] stepMaskByTp;
    private final long[] exclMaskByTp; // bit g: excluded in gap g (between step g and g+1)
    private final long[] stepMaskByOutcome; // by outcome code + 1; null without outcome steps
    private final long[] exclMaskByOutcome;
    private final boolean stepPredicates;
    private final boolean exclPredicates;
    private final boolean hasExclusions;
    private final boolean simple; // no exclusions and no per-step windows
    private final boolean noStepWindows;
    private final long[] predMask; // predMask[k]: steps j < k with only optional steps between
    private final long[] requiredBelow; // requiredBelow[k]: required steps j < k
    private final long allSteps;
    // The unit's events in (time, input position) order.
    private int n;
    private long[] t = new long[16];
    private long[] sm = new long[16];
    private long[] xm = new long[16];
    private int[] ev = new int[16];
    private int[] pos = new int[16];
    private int[] perm = new int[16];
    private int[] permTmp = new int[16];
    private long[] t2 = new long[16];
    private long[] sm2 = new long[16];
    private long[] xm2 = new long[16];
    private int[] ev2 = new int[16];
    // Per-attempt state.
    private final int[] lastReach;
    private final long[] blocked;
    private final int[] first;
    final long[] bestTime;
    final int[] bestEvent;

    Matcher(Funnel f, Journeys js) {
      this.f = f;
      this.js = js;
      this.m = f.steps.size();
      TouchpointDictionary d = js.dictionary();
      if (f.unknownNames == UnknownNames.REJECT) {
        checkNames(f, d);
      }
      stepMaskByTp = new long[d.size()];
      exclMaskByTp = new long[d.size()];
      for (int tp = 0; tp < d.size(); tp++) {
        for (int k = 0; k < m; k++) {
          if (f.steps.get(k).matches(d.touchpoint(tp))) {
            stepMaskByTp[tp] |= 1L << k;
          }
          for (FunnelStep x : f.exclusions.get(k)) {
            if (x.matches(d.touchpoint(tp))) {
              exclMaskByTp[tp] |= 1L << k;
            }
          }
        }
      }
      List<Outcome> outcomes = js.outcomes();
      long[] stepByOutcome = new long[outcomes.size() + 1]; // [0]: no outcome, matches none
      long[] exclByOutcome = new long[outcomes.size() + 1];
      boolean anyOutcome = false;
      for (int o = 0; o < outcomes.size(); o++) {
        for (int k = 0; k < m; k++) {
          if (f.steps.get(k).matches(outcomes.get(o))) {
            stepByOutcome[o + 1] |= 1L << k;
            anyOutcome = true;
          }
          for (FunnelStep x : f.exclusions.get(k)) {
            if (x.matches(outcomes.get(o))) {
              exclByOutcome[o + 1] |= 1L << k;
              anyOutcome = true;
            }
          }
        }
      }
      // Null when no outcome step matches any outcome: no lookup per event then.
      stepMaskByOutcome = anyOutcome ? stepByOutcome : null;
      exclMaskByOutcome = anyOutcome ? exclByOutcome : null;
      boolean sp = false;
      boolean xp = false;
      boolean anyEx = false;
      for (int k = 0; k < m; k++) {
        sp |= f.steps.get(k).isPredicate();
        for (FunnelStep x : f.exclusions.get(k)) {
          xp |= x.isPredicate();
          anyEx = true;
        }
      }
      stepPredicates = sp;
      exclPredicates = xp;
      hasExclusions = anyEx;
      boolean noStepWindows = true;
      for (long w : f.stepWindowMillis) {
        noStepWindows &= w == NO_WINDOW;
      }
      this.noStepWindows = noStepWindows;
      simple = !anyEx && noStepWindows;
      predMask = new long[m];
      requiredBelow = new long[m];
      long req = 0;
      for (int k = 0; k < m; k++) {
        requiredBelow[k] = req;
        if (!f.optional[k]) {
          req |= 1L << k;
        }
        for (int j = k - 1; j >= 0; j--) {
          predMask[k] |= 1L << j;
          if (!f.optional[j]) {
            break;
          }
        }
      }
      allSteps = m == 64 ? -1L : (1L << m) - 1;
      lastReach = new int[m];
      blocked = new long[m];
      first = new int[m];
      bestTime = new long[m];
      bestEvent = new int[m];
    }

    private static void checkNames(Funnel f, TouchpointDictionary d) {
      List<String> known = null;
      for (int k = 0; k < f.steps.size(); k++) {
        List<FunnelStep> named = new ArrayList<>();
        named.add(f.steps.get(k));
        named.addAll(f.exclusions.get(k));
        for (int i = 0; i < named.size(); i++) {
          FunnelStep s = named.get(i);
          if (s.isTouchpoint() && d.code(s.label()).isEmpty()) {
            if (known == null) {
              known = new ArrayList<>();
              for (var tp : d.touchpoints()) {
                known.add(tp.id());
              }
            }
            String what = i == 0 ? "funnel step " + k : "exclusion after step " + k;
            throw new IllegalArgumentException(UnknownNames.message(what, s.label(), known));
          }
        }
      }
    }

    private long stepMask(int e) {
      long mask = stepMaskByTp[js.touchpointCode(e)];
      if (stepMaskByOutcome != null) {
        mask |= stepMaskByOutcome[js.outcomeCode(e) + 1];
      }
      if (stepPredicates) {
        Interaction in = interaction(e);
        for (int k = 0; k < m; k++) {
          FunnelStep s = f.steps.get(k);
          if (s.isPredicate() && s.test(in)) {
            mask |= 1L << k;
          }
        }
      }
      return mask;
    }

    private long exclusionMask(int e) {
      long mask = exclMaskByTp[js.touchpointCode(e)];
      if (exclMaskByOutcome != null) {
        mask |= exclMaskByOutcome[js.outcomeCode(e) + 1];
      }
      if (exclPredicates) {
        Interaction in = interaction(e);
        for (int k = 0; k < m; k++) {
          for (FunnelStep x : f.exclusions.get(k)) {
            if (x.isPredicate() && x.test(in)) {
              mask |= 1L << k;
            }
          }
        }
      }
      return mask;
    }

    private int lastCustomerCode = -1; // interaction(): the customer of the last event made
    private CustomerId lastCustomer;

    private Interaction interaction(int e) {
      int o = js.outcomeCode(e);
      int c = js.customerCode(e);
      if (c != lastCustomerCode) { // a journey's events are one customer's: made once per run
        lastCustomer = js.customers().get(c);
        lastCustomerCode = c;
      }
      return new Interaction(
          lastCustomer,
          js.dictionary().touchpoint(js.touchpointCode(e)),
          Instant.ofEpochMilli(js.epochMillis(e)),
          o < 0 ? null : js.outcomes().get(o),
          null,
          Map.of());
    }

    /** Copies events {@code [from, to)} into the buffers, in (time, input position) order. */
    private void load(int from, int to) {
      n = to - from;
      if (t.length < n) {
        int c = Math.max(n, t.length * 2);
        t = new long[c];
        sm = new long[c];
        xm = new long[c];
        ev = new int[c];
        pos = new int[c];
        perm = new int[c];
        permTmp = new int[c];
        t2 = new long[c];
        sm2 = new long[c];
        xm2 = new long[c];
        ev2 = new int[c];
      }
      // Within a journey events are in (time, input position) order already; a customer's
      // journeys follow journey-id order when the log has ids, so check the whole unit.
      boolean check = f.unit == CountingUnit.CUSTOMER;
      boolean sorted = true;
      for (int i = 0; i < n; i++) {
        int e = from + i;
        t[i] = js.epochMillis(e);
        sm[i] = stepMask(e);
        xm[i] = hasExclusions ? exclusionMask(e) : 0;
        ev[i] = e;
        if (check) {
          pos[i] = js.inputPosition(e);
          sorted &= i == 0 || t[i - 1] < t[i] || (t[i - 1] == t[i] && pos[i - 1] < pos[i]);
        }
      }
      if (!sorted) {
        sortByTimeThenPosition();
      }
    }

    private void sortByTimeThenPosition() {
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      // Bottom-up merge sort of a permutation; (time, input position) keys are distinct.
      int[] a = perm;
      int[] b = permTmp;
      for (int width = 1; width < n; width *= 2) {
        for (int lo = 0; lo < n; lo += 2 * width) {
          int mid = Math.min(lo + width, n);
          int hi = Math.min(lo + 2 * width, n);
          int i = lo;
          int j = mid;
          int w = lo;
          while (i < mid && j < hi) {
            int x = a[i];
            int y = a[j];
            boolean right = t[y] < t[x] || (t[y] == t[x] && pos[y] < pos[x]);
            b[w++] = right ? a[j++] : a[i++];
          }
          while (i < mid) {
            b[w++] = a[i++];
          }
          while (j < hi) {
            b[w++] = a[j++];
          }
        }
        int[] swap = a;
        a = b;
        b = swap;
      }
      perm = a;
      permTmp = b;
      for (int i = 0; i < n; i++) {
        int p = perm[i];
        t2[i] = t[p];
        sm2[i] = sm[p];
        xm2[i] = xm[p];
        ev2[i] = ev[p];
      }
      long[] l = t;
      t = t2;
      t2 = l;
      l = sm;
      sm = sm2;
      sm2 = l;
      l = xm;
      xm = xm2;
      xm2 = l;
      int[] e = ev;
      ev = ev2;
      ev2 = e;
    }

    /**
     * Evaluates the unit of events {@code [from, to)}; returns the furthest step reached by its
     * best attempt ({@code -1} if none, or if the unit is dropped by {@link
     * ExclusionScope#DROP_UNIT}) and fills {@link #bestTime} (millis from the attempt's start,
     * {@code -1} if no time) and {@link #bestEvent} (event index, {@code -1} if none).
     */
    int evaluate(int from, int to) {
      load(from, to);
      int best = search(hasExclusions, true);
      if (best >= 0
          && hasExclusions
          && f.exclusionScope == ExclusionScope.DROP_UNIT
          && best < m - 1
          && search(false, false) > best) {
        return -1;
      }
      return best;
    }

    /** Returns the furthest step over all attempts; keeps the best attempt's times if asked. */
    private int search(boolean withExclusions, boolean keep) {
      int best = -1;
      if (keep) {
        Arrays.fill(bestTime, -1);
        Arrays.fill(bestEvent, -1);
      }
      for (int s = 0; s < n; s++) {
        long mask = sm[s];
        boolean starts = f.mode == FunnelMode.UNORDERED ? mask != 0 : (mask & 1L) != 0;
        if (!starts) {
          continue;
        }
        boolean cut;
        switch (f.mode) {
          case ORDERED:
            cut = ordered(s, withExclusions);
            break;
          case STRICT:
            cut = strict(s);
            break;
          default:
            cut = unordered(s);
            break;
        }
        int reached = -1;
        for (int k = m - 1; k >= 0; k--) {
          if (first[k] >= 0) {
            reached = k;
            break;
          }
        }
        if (reached > best) {
          best = reached;
          if (keep) {
            long t0 = t[s];
            for (int k = 0; k < m; k++) {
              int e = k <= reached ? first[k] : -1;
              bestTime[k] = e < 0 ? -1 : t[e] - t0;
              bestEvent[k] = e < 0 ? -1 : ev[e];
            }
          }
        }
        // A later attempt sees a subset of this one's events; without windows that cut this
        // attempt short, per-step windows or exclusions it cannot get further (ordered mode).
        if (best == m - 1 || (f.mode == FunnelMode.ORDERED && simple && !cut)) {
          break;
        }
      }
      return best;
    }

    /** ORDERED attempt from buffer index {@code s}; returns whether the window cut it short. */
    private boolean ordered(int s, boolean withExclusions) {
      Arrays.fill(first, -1);
      first[0] = s;
      lastReach[0] = s;
      blocked[0] = 0;
      long reached = 1L; // steps with lastReach set
      long firsts = 1L; // steps with first set
      long t0 = t[s];
      long window = f.windowMillis;
      boolean plain = simple || (!withExclusions && noStepWindows);
      for (int i = s + 1; i < n; i++) {
        long ti = t[i];
        if (ti - t0 > window) {
          return true;
        }
        long mask = sm[i] & ~1L;
        long newly = 0;
        while (mask != 0) {
          int k = Long.numberOfTrailingZeros(mask);
          mask &= mask - 1;
          long cand = reached & predMask[k];
          if (cand == 0) {
            continue;
          }
          if (plain) {
            newly |= 1L << k;
            continue;
          }
          long gapsBelowK = (1L << k) - 1;
          long sw = f.stepWindowMillis[k];
          while (cand != 0) {
            int j = Long.numberOfTrailingZeros(cand);
            cand &= cand - 1;
            // Gaps j..k-1 must be free of exclusions since lastReach[j].
            long spanned = gapsBelowK & -(1L << j);
            if ((blocked[j] & spanned) == 0 && ti - t[lastReach[j]] <= sw) {
              newly |= 1L << k;
              break;
            }
          }
        }
        if (withExclusions) {
          long x = xm[i];
          if (x != 0) {
            // Event i lies strictly between every earlier chain end and any later step event.
            long r = reached;
            while (r != 0) {
              int j = Long.numberOfTrailingZeros(r);
              r &= r - 1;
              blocked[j] |= x;
            }
          }
        }
        if (newly != 0) {
          reached |= newly;
          long fresh = newly & ~firsts;
          firsts |= newly;
          while (newly != 0) {
            int k = Long.numberOfTrailingZeros(newly);
            newly &= newly - 1;
            lastReach[k] = i;
            blocked[k] = 0;
          }
          while (fresh != 0) {
            int k = Long.numberOfTrailingZeros(fresh);
            fresh &= fresh - 1;
            first[k] = i;
          }
          if (firsts == allSteps) {
            return false;
          }
        }
      }
      return false;
    }

    /** STRICT attempt: the set of steps the previous event can be, advanced event by event. */
    private boolean strict(int s) {
      Arrays.fill(first, -1);
      first[0] = s;
      long can = 1L;
      long firsts = 1L;
      long t0 = t[s];
      for (int i = s + 1; i < n; i++) {
        long ti = t[i];
        if (ti - t0 > f.windowMillis) {
          return true;
        }
        long gap = ti - t[i - 1];
        long mask = sm[i] & ~1L;
        long next = 0;
        while (mask != 0) {
          int k = Long.numberOfTrailingZeros(mask);
          mask &= mask - 1;
          if ((can & predMask[k]) != 0 && gap <= f.stepWindowMillis[k]) {
            next |= 1L << k;
          }
        }
        if (next == 0) {
          return false;
        }
        long fresh = next & ~firsts;
        firsts |= next;
        while (fresh != 0) {
          int k = Long.numberOfTrailingZeros(fresh);
          fresh &= fresh - 1;
          first[k] = i;
        }
        if (firsts == allSteps) {
          return false;
        }
        can = next;
      }
      return false;
    }

    /**
     * UNORDERED attempt: steps matched so far; step k is reached once it and the required steps
     * below it are.
     */
    private boolean unordered(int s) {
      Arrays.fill(first, -1);
      long t0 = t[s];
      long done = 0;
      long firsts = 0;
      for (int i = s; i < n; i++) {
        if (t[i] - t0 > f.windowMillis) {
          return true;
        }
        long mask = sm[i];
        if ((mask & ~done) == 0) {
          continue;
        }
        done |= mask;
        long open = done & ~firsts;
        while (open != 0) {
          int k = Long.numberOfTrailingZeros(open);
          open &= open - 1;
          if ((requiredBelow[k] & ~done) == 0) {
            first[k] = i;
            firsts |= 1L << k;
          }
        }
        if (firsts == allSteps) {
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
      checkArgument(
          funnel.sameDefinition(other.funnel),
          "cannot merge results of different funnels: %s and %s",
          funnel,
          other.funnel);
      for (int k = 0; k < counts.length; k++) {
        counts[k] += other.counts[k];
        times[k].merge(other.times[k]);
      }
      return this;
    }

    /**
     * Writes what this accumulator counted (the funnel's definition, then per step the count and
     * the time-to-step histogram) so that another process can {@link #mergeFrom} it into an
     * accumulator of the same funnel: the way a distributed engine (cx-spark) merges per-partition
     * funnels. The bytes are version 1 of cx4j's journey partial-state format: the header of {@link
     * org.cx4j.journey.internal.PartialStates} (format version, family), then the state. Later
     * builds keep reading version 1; {@code mergeFrom} refuses other versions and other families by
     * name.
     *
     * @throws IOException if {@code out} fails
     */
    public void writeTo(DataOutput out) throws IOException {
      PartialStates.writeHeader(out, PartialStates.Family.FUNNEL);
      byte[] definition = funnel.definition();
      out.writeInt(definition.length);
      out.write(definition);
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
      PartialStates.readHeader(in, PartialStates.Family.FUNNEL);
      int length = in.readInt();
      byte[] mine = funnel.definition();
      // A state of this funnel has a definition of exactly this length: anything else is another
      // funnel, and is refused before reading (or allocating) it.
      checkArgument(
          length == mine.length,
          "cannot merge results of different funnels: this is %s, the state's definition has %s"
              + " bytes, not %s",
          funnel,
          length,
          mine.length);
      byte[] other = new byte[length];
      in.readFully(other);
      checkArgument(
          Arrays.equals(other, mine),
          "cannot merge results of different funnels: this is %s, the state's steps, windows,"
              + " exclusions or modes differ",
          funnel);
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

    /** Returns the result so far. */
    public FunnelResult result() {
      List<DurationSummary> t = new ArrayList<>();
      for (SecondsHistogram h : times) {
        t.add(h.result());
      }
      return new FunnelResult(funnel.labels(), counts, t);
    }
  }

  /** Builds a {@link Funnel}. Steps are numbered from 0 in the order added. */
  public static final class Builder {
    private final List<FunnelStep> steps = new ArrayList<>();
    private final List<Boolean> optional = new ArrayList<>();
    private final Map<Integer, Long> stepWindows = new HashMap<>();
    private final Map<Integer, List<FunnelStep>> exclusions = new HashMap<>();
    private long windowMillis = NO_WINDOW;
    private FunnelMode mode = FunnelMode.ORDERED;
    private CountingUnit unit = CountingUnit.JOURNEY;
    private ExclusionScope exclusionScope = ExclusionScope.BREAK_CHAIN;
    private UnknownNames unknownNames = UnknownNames.REJECT;

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

    /**
     * Adds an optional step: a unit may skip it (it then counts as passed if a later step is
     * reached).
     */
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
      exclusions
          .computeIfAbsent(after, k -> new ArrayList<>())
          .add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /** Sets the mode (default {@link FunnelMode#ORDERED}). */
    public Builder mode(FunnelMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets what an excluded event does (default {@link ExclusionScope#BREAK_CHAIN}: it breaks the
     * chain it falls in; {@link ExclusionScope#DROP_UNIT}: PostHog's rule).
     */
    public Builder exclusionScope(ExclusionScope scope) {
      this.exclusionScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Sets what running the funnel does with a step or exclusion naming a touchpoint that is not in
     * the journeys' dictionary (default {@link UnknownNames#REJECT}; {@link UnknownNames#ALLOW}
     * lets it match nothing).
     */
    public Builder unknownTouchpoints(UnknownNames policy) {
      this.unknownNames = Objects.requireNonNull(policy, "policy");
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
     *     first step is optional, a step window or exclusion names a step that does not exist,
     *     exclusions are given in STRICT or UNORDERED mode, or step windows in UNORDERED mode
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
        checkArgument(
            k < steps.size(),
            "step window for step %s, but the funnel has %s steps",
            k,
            steps.size());
      }
      for (int g : exclusions.keySet()) {
        checkArgument(
            g + 1 < steps.size(),
            "exclusion after step %s, but the funnel has %s steps (needs a step after it)",
            g,
            steps.size());
      }
      if (!exclusions.isEmpty()) {
        checkArgument(
            mode == FunnelMode.ORDERED,
            "exclusions %s apply only in ORDERED mode, not %s: %s",
            exclusions.values(),
            mode,
            mode == FunnelMode.STRICT
                ? "in STRICT mode no event lies between two consecutive steps"
                : "in UNORDERED mode steps have no order, so no gap between them");
      }
      checkArgument(
          mode != FunnelMode.UNORDERED || stepWindows.isEmpty(),
          "step windows %s do not apply in UNORDERED mode (steps have no previous step); use "
              + "window(...) for the whole attempt",
          stepWindows);
      return new Funnel(this);
    }

    private static long positiveMillis(Duration d, String what) {
      Objects.requireNonNull(d, what);
      checkArgument(!d.isNegative() && !d.isZero(), "%s must be positive, got %s", what, d);
      return d.toMillis();
    }
  }
}
