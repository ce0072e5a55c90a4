package org.cx4j.journey.path;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.log.Level;
import org.cx4j.journey.rebuild.Journeys;

/**
 * How journeys cross channels (omnichannel consistency): the share of journeys that switch channel
 * at least once, the share that use more than one channel, the switch rate (switches per
 * transition), and the switches {@code from -> to} ranked by frequency.
 *
 * <p>A switch is a pair of consecutive events of a journey on different channels. Built by an
 * {@link Accumulator}; merges exactly. Empty input: zero counts and {@code NaN} shares. Immutable.
 */
public final class ChannelSwitching {

  /**
   * One kind of switch.
   *
   * @param from the channel switched from
   * @param to the channel switched to
   * @param count how often
   * @param share {@code count / switches()}
   */
  public record Switch(String from, String to, long count, double share) {
    @Override
    public String toString() {
      return String.format("%s -> %s x%d (%.1f%%)", from, to, count, 100 * share);
    }
  }

  private final long journeys;
  private final long switchingJourneys;
  private final long multiChannelJourneys;
  private final long transitions;
  private final ImmutableList<Switch> switches;

  private ChannelSwitching(
      long journeys,
      long switchingJourneys,
      long multiChannelJourneys,
      long transitions,
      List<Switch> switches) {
    this.journeys = journeys;
    this.switchingJourneys = switchingJourneys;
    this.multiChannelJourneys = multiChannelJourneys;
    this.transitions = transitions;
    this.switches = ImmutableList.copyOf(switches);
  }

  /** Returns the channel switching of all {@code journeys}. */
  public static ChannelSwitching of(Journeys journeys) {
    return new Accumulator(Abstraction.of(journeys.dictionary(), Level.CHANNEL))
        .addAll(journeys)
        .result();
  }

  /** Returns the number of journeys. */
  public long journeys() {
    return journeys;
  }

  /** Returns the number of journeys with at least one switch. */
  public long switchingJourneys() {
    return switchingJourneys;
  }

  /** Returns the number of journeys that used two or more distinct channels. */
  public long multiChannelJourneys() {
    return multiChannelJourneys;
  }

  /** Returns {@code switchingJourneys / journeys}; {@code NaN} when empty. */
  public double switchingShare() {
    return journeys == 0 ? Double.NaN : (double) switchingJourneys / journeys;
  }

  /** Returns the total number of switches. */
  public long switches() {
    long s = 0;
    for (Switch w : switches) {
      s += w.count;
    }
    return s;
  }

  /**
   * Returns {@code switches / transitions} (consecutive event pairs); {@code NaN} with no
   * transitions.
   */
  public double switchRate() {
    return transitions == 0 ? Double.NaN : (double) switches() / transitions;
  }

  /** Returns the switches, most common first (ties by labels). */
  public List<Switch> ranked() {
    return switches;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChannelSwitching)) {
      return false;
    }
    ChannelSwitching c = (ChannelSwitching) o;
    return c.journeys == journeys
        && c.switchingJourneys == switchingJourneys
        && c.multiChannelJourneys == multiChannelJourneys
        && c.transitions == transitions
        && c.switches.equals(switches);
  }

  @Override
  public int hashCode() {
    return Objects.hash(journeys, switchingJourneys, switches);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "ChannelSwitching[%d journeys, %.1f%% switch channel, %d multichannel, switch rate %.3f",
                journeys, 100 * switchingShare(), multiChannelJourneys, switchRate()));
    for (int i = 0; i < Math.min(10, switches.size()); i++) {
      sb.append("\n  ").append(switches.get(i));
    }
    return sb.append(']').toString();
  }

  /** Counts channel switches. Single-threaded; merges exactly. */
  public static final class Accumulator {
    private final Abstraction channels;
    private final int n;
    private final long[] counts;
    private final long[] seenIn;
    private long serial;
    private long journeys;
    private long switching;
    private long multi;
    private long transitions;

    /** Creates an accumulator over a channel-level abstraction ({@link Level#CHANNEL}). */
    public Accumulator(Abstraction channels) {
      this.channels = Objects.requireNonNull(channels, "channels");
      this.n = channels.size();
      this.counts = new long[n * n];
      this.seenIn = new long[n];
    }

    /** Adds every journey. */
    public Accumulator addAll(Journeys js) {
      for (int j = 0, m = js.journeyCount(); j < m; j++) {
        int from = js.eventStart(j);
        int to = js.eventEnd(j);
        long s = ++serial;
        int distinct = 0;
        boolean switched = false;
        int prev = -1;
        for (int e = from; e < to; e++) {
          int c = channels.node(js.touchpointCode(e));
          if (seenIn[c] != s) {
            seenIn[c] = s;
            distinct++;
          }
          if (prev >= 0) {
            transitions++;
            if (prev != c) {
              counts[prev * n + c]++;
              switched = true;
            }
          }
          prev = c;
        }
        journeys++;
        switching += switched ? 1 : 0;
        multi += distinct > 1 ? 1 : 0;
      }
      return this;
    }

    /**
     * Adds everything {@code other} counted. @throws IllegalArgumentException if channels differ
     */
    public Accumulator merge(Accumulator other) {
      if (!other.channels.equals(channels)) {
        throw new IllegalArgumentException(
            "cannot merge channel switching over different channels: "
                + channels
                + " and "
                + other.channels);
      }
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
      journeys += other.journeys;
      switching += other.switching;
      multi += other.multi;
      transitions += other.transitions;
      return this;
    }

    /** Returns the result so far. */
    public ChannelSwitching result() {
      long total = 0;
      for (long c : counts) {
        total += c;
      }
      List<Switch> l = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          long c = counts[a * n + b];
          if (c > 0) {
            l.add(new Switch(channels.label(a), channels.label(b), c, (double) c / total));
          }
        }
      }
      l.sort(
          Comparator.comparingLong(Switch::count)
              .reversed()
              .thenComparing(Switch::from)
              .thenComparing(Switch::to));
      return new ChannelSwitching(journeys, switching, multi, transitions, l);
    }
  }
}
