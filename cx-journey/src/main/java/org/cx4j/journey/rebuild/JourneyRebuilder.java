package org.cx4j.journey.rebuild;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.metrics.internal.RadixSort;

/**
 * Rebuilds journeys from an {@link InteractionLog}: groups events by customer, orders them by time
 * (stable: events with equal timestamps keep their arrival order, so out-of-order arrival is
 * harmless), optionally collapses duplicates, and splits each customer's events into journeys.
 *
 * <p>A new journey starts at an event when any configured rule says so:
 *
 * <ul>
 *   <li>inactivity: more than {@link #inactivityGap(Duration)} since the previous event (default 30
 *       minutes, the usual web-analytics session timeout);
 *   <li>explicit ids: the journey id differs from the previous event's (on by default; only when
 *       the log has ids). With ids, events are grouped by customer, then journey id (in order of
 *       the id's first arrival), then time, so interleaved sessions stay whole;
 *   <li>end events: the previous event had one of the {@link #endOn(Outcome...)} outcomes or was
 *       one of the {@link #endOnTouchpoint(String...)} touchpoints (e.g. a conversion).
 * </ul>
 *
 * <p>Cost: one stable LSD radix sort of {@code customer << b | (millis - min)} keys (b the bits of
 * the time range; two sorts when customer and time do not fit 64 bits together), then one gather
 * per column. Immutable and thread-safe.
 */
public final class JourneyRebuilder {

  /**
   * The inactivity gap used when none is given: 30 minutes, the usual web-analytics session
   * timeout.
   */
  public static final Duration DEFAULT_INACTIVITY_GAP = Duration.ofMinutes(30);

  private static final JourneyRebuilder DEFAULTS =
      new JourneyRebuilder(DEFAULT_INACTIVITY_GAP, true, Set.of(), Set.of(), Duplicates.KEEP);

  private final Duration gap; // null: no inactivity split
  private final boolean useJourneyIds;
  private final Set<Outcome> endOutcomes;
  private final Set<String> endTouchpoints;
  private final Duplicates duplicates;

  private JourneyRebuilder(
      Duration gap,
      boolean useJourneyIds,
      Set<Outcome> endOutcomes,
      Set<String> endTouchpoints,
      Duplicates duplicates) {
    this.gap = gap;
    this.useJourneyIds = useJourneyIds;
    this.endOutcomes = Set.copyOf(endOutcomes);
    this.endTouchpoints = Set.copyOf(endTouchpoints);
    this.duplicates = duplicates;
  }

  /**
   * Returns the defaults: 30-minute inactivity gap, explicit ids used, no end events, duplicates
   * kept.
   */
  public static JourneyRebuilder defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy that starts a new journey after more than {@code gap} without events.
   *
   * @throws IllegalArgumentException if {@code gap} is zero or negative, naming it
   */
  public JourneyRebuilder inactivityGap(Duration gap) {
    Objects.requireNonNull(gap, "gap");
    checkArgument(
        !gap.isNegative() && !gap.isZero(), "inactivity gap must be positive, got %s", gap);
    return new JourneyRebuilder(gap, useJourneyIds, endOutcomes, endTouchpoints, duplicates);
  }

  /** Returns a copy that never splits on inactivity. */
  public JourneyRebuilder noInactivityGap() {
    return new JourneyRebuilder(null, useJourneyIds, endOutcomes, endTouchpoints, duplicates);
  }

  /** Returns a copy that does ({@code true}) or does not split on explicit journey ids. */
  public JourneyRebuilder useJourneyIds(boolean use) {
    return new JourneyRebuilder(gap, use, endOutcomes, endTouchpoints, duplicates);
  }

  /** Returns a copy that ends a journey after an event with one of {@code outcomes}. */
  public JourneyRebuilder endOn(Outcome... outcomes) {
    Set<Outcome> s = new LinkedHashSet<>(endOutcomes);
    for (Outcome o : outcomes) {
      s.add(Objects.requireNonNull(o, "outcome"));
    }
    return new JourneyRebuilder(gap, useJourneyIds, s, endTouchpoints, duplicates);
  }

  /** Returns a copy that ends a journey after an event at one of the touchpoints {@code ids}. */
  public JourneyRebuilder endOnTouchpoint(String... ids) {
    Set<String> s = new LinkedHashSet<>(endTouchpoints);
    for (String id : ids) {
      s.add(Objects.requireNonNull(id, "touchpoint id"));
    }
    return new JourneyRebuilder(gap, useJourneyIds, endOutcomes, s, duplicates);
  }

  /** Returns a copy with the given duplicate policy. */
  public JourneyRebuilder duplicates(Duplicates policy) {
    return new JourneyRebuilder(
        gap, useJourneyIds, endOutcomes, endTouchpoints, Objects.requireNonNull(policy, "policy"));
  }

  /**
   * Returns the journeys of {@code log}.
   *
   * @throws IllegalArgumentException if the log is empty
   */
  public Journeys rebuild(InteractionLog log) {
    Objects.requireNonNull(log, "log");
    int n = log.size();
    checkArgument(n > 0, "the interaction log is empty (0 events): nothing to rebuild");
    InteractionLog.Columns in = log.columns();
    int[] cust = in.customer();
    long[] ms = in.millis();
    int[] jid = useJourneyIds ? in.journey() : null;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long t = ms[i];
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    long range = max - min; // may overflow to negative only for absurd spans; then 64 bits
    int millisBits = range == 0 ? 0 : 64 - Long.numberOfLeadingZeros(range);
    int nc = log.customers().size();
    int customerBits = nc <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(nc - 1);

    int[] order;
    int[] sCust = new int[n];
    long[] sMillis = new long[n];
    if (jid == null && millisBits < 64 && millisBits + customerBits <= 64) {
      long[] keys = new long[n];
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) cust[i] << millisBits) | (ms[i] - min);
        idx[i] = i;
      }
      RadixSort.Sorted r = RadixSort.sort(keys, idx, millisBits + customerBits);
      long mask = millisBits == 0 ? 0 : -1L >>> (64 - millisBits);
      long[] k = r.keys();
      for (int i = 0; i < n; i++) {
        long key = k[i];
        sCust[i] = (int) (key >>> millisBits);
        sMillis[i] = (key & mask) + min;
      }
      order = r.intPayload();
    } else {
      // Fallback: three stable passes (time, then journey id, then customer) give the order
      // (customer, journey id, time, arrival).
      long[] keys = new long[n];
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ms[i] - min;
        idx[i] = i;
      }
      RadixSort.Sorted r = RadixSort.sort(keys, idx, millisBits);
      order = r.intPayload();
      if (jid != null) {
        keys = r.keys();
        for (int i = 0; i < n; i++) {
          keys[i] = jid[order[i]] + 1L;
        }
        r = RadixSort.sort(keys, order, 32);
        order = r.intPayload();
      }
      keys = r.keys();
      for (int i = 0; i < n; i++) {
        keys[i] = cust[order[i]];
      }
      r = RadixSort.sort(keys, order, Math.max(1, customerBits));
      order = r.intPayload();
      for (int i = 0; i < n; i++) {
        int o = order[i];
        sCust[i] = cust[o];
        sMillis[i] = ms[o];
      }
    }
    int[] tp = in.touchpoint();
    int[] sTp = new int[n];
    for (int i = 0; i < n; i++) {
      sTp[i] = tp[order[i]];
    }
    short[] oc = in.outcome();
    short[] sOc = null;
    if (oc != null) {
      sOc = new short[n];
      for (int i = 0; i < n; i++) {
        sOc[i] = oc[order[i]];
      }
    }
    int[] sJ = null;
    if (jid != null) {
      sJ = new int[n];
      for (int i = 0; i < n; i++) {
        sJ[i] = jid[order[i]];
      }
    }
    int[][] at = in.attributes();
    int[][] sAt = new int[at.length][];
    for (int a = 0; a < at.length; a++) {
      int[] src = at[a];
      int[] dst = new int[n];
      for (int i = 0; i < n; i++) {
        dst[i] = src[order[i]];
      }
      sAt[a] = dst;
    }
    if (duplicates == Duplicates.COLLAPSE) {
      int m = collapse(sCust, sMillis, sTp, sOc, sJ, order, sAt);
      if (m < n) {
        sCust = Arrays.copyOf(sCust, m);
        sMillis = Arrays.copyOf(sMillis, m);
        sTp = Arrays.copyOf(sTp, m);
        sOc = sOc == null ? null : Arrays.copyOf(sOc, m);
        sJ = sJ == null ? null : Arrays.copyOf(sJ, m);
        order = Arrays.copyOf(order, m);
        for (int a = 0; a < sAt.length; a++) {
          sAt[a] = Arrays.copyOf(sAt[a], m);
        }
        n = m;
      }
    }
    int[] offsets = split(log, sCust, sMillis, sTp, sOc, sJ);
    return new Journeys(log, sCust, sMillis, sTp, sOc, sJ, order, sAt, offsets, null);
  }

  /**
   * Removes later duplicates in place (same customer, millis, touchpoint, journey id); returns the
   * new size.
   */
  private static int collapse(
      int[] c, long[] t, int[] tp, short[] oc, int[] j, int[] pos, int[][] at) {
    int n = c.length;
    int w = 0;
    int groupStart = 0; // first kept index (in the output) of the current (customer, millis) group
    for (int i = 0; i < n; i++) {
      boolean newGroup = w == 0 || c[i] != c[w - 1] || t[i] != t[w - 1];
      if (newGroup) {
        groupStart = w;
      } else {
        boolean dup = false;
        for (int g = groupStart; g < w; g++) {
          if (tp[g] == tp[i] && (j == null || j[g] == j[i])) {
            dup = true;
            if (oc != null && oc[g] < 0) {
              oc[g] = oc[i];
            }
            break;
          }
        }
        if (dup) {
          continue;
        }
      }
      c[w] = c[i];
      t[w] = t[i];
      tp[w] = tp[i];
      if (oc != null) {
        oc[w] = oc[i];
      }
      if (j != null) {
        j[w] = j[i];
      }
      pos[w] = pos[i];
      for (int[] col : at) {
        col[w] = col[i];
      }
      w++;
    }
    return w;
  }

  private int[] split(InteractionLog log, int[] c, long[] t, int[] tp, short[] oc, int[] j) {
    int n = c.length;
    boolean[] endTp = new boolean[log.dictionary().size()];
    for (String id : endTouchpoints) {
      log.dictionary().code(id).ifPresent(code -> endTp[code] = true);
    }
    List<Outcome> outcomes = log.outcomes();
    boolean[] endOc = new boolean[outcomes.size()];
    boolean anyEndOc = false;
    for (int k = 0; k < endOc.length; k++) {
      endOc[k] = endOutcomes.contains(outcomes.get(k));
      anyEndOc |= endOc[k];
    }
    long gapMs = gap == null ? Long.MAX_VALUE : gap.toMillis();
    int[] offsets = new int[16];
    int count = 0;
    offsets[count++] = 0;
    for (int i = 1; i < n; i++) {
      boolean cut =
          c[i] != c[i - 1]
              || t[i] - t[i - 1] > gapMs
              || (j != null && j[i] != j[i - 1])
              || endTp[tp[i - 1]]
              || (anyEndOc && oc[i - 1] >= 0 && endOc[oc[i - 1]]);
      if (cut) {
        if (count == offsets.length) {
          offsets = Arrays.copyOf(offsets, count + (count >> 1) + 16);
        }
        offsets[count++] = i;
      }
    }
    offsets = Arrays.copyOf(offsets, count + 1);
    offsets[count] = n;
    return offsets;
  }

  @Override
  public String toString() {
    // The default gap is said to be one, so that a report never applies it silently.
    String g =
        gap == null ? "none" : gap == DEFAULT_INACTIVITY_GAP ? gap + " (default)" : gap.toString();
    return "JourneyRebuilder[gap="
        + g
        + ", journeyIds="
        + useJourneyIds
        + ", endOn="
        + endOutcomes
        + endTouchpoints
        + ", duplicates="
        + duplicates
        + "]";
  }
}
