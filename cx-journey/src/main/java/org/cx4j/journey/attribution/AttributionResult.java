package org.cx4j.journey.attribution;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Credit for conversions and conversion value, per channel, from one attribution model. Credits of
 * every model sum to the total conversions and the total value of the converting paths.
 *
 * @param model the model's name, such as {@code "markov(order=1)"} or {@code "linear"}
 * @param channels the credited channels
 */
public record AttributionResult(String model, List<ChannelCredit> channels) {

  /**
   * One channel's credit.
   *
   * @param channel the channel's name
   * @param conversions the conversions credited to it
   * @param value the conversion value credited to it
   * @param share its share of all conversions credited: in [0, 1] for the heuristic, presence and
   *     Markov models; the conversion-rate Shapley game can credit a channel whose presence lowers
   *     the conversion rate with a negative value, so its shares may lie outside [0, 1] (they still
   *     sum to 1)
   */
  public record ChannelCredit(String channel, double conversions, double value, double share) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: %.2f conversions (%.1f%%), value %.2f",
          channel,
          conversions,
          100 * share,
          value);
    }
  }

  /** Validates and copies. */
  public AttributionResult {
    Objects.requireNonNull(model, "model");
    channels = List.copyOf(channels);
  }

  static AttributionResult of(String model, List<String> names, double[] conv, double[] value) {
    checkArgument(names.size() == conv.length && conv.length == value.length, "shape mismatch");
    double total = 0;
    for (double c : conv) {
      total += c;
    }
    List<ChannelCredit> out = new ArrayList<>(names.size());
    for (int i = 0; i < conv.length; i++) {
      out.add(new ChannelCredit(names.get(i), conv[i], value[i], total > 0 ? conv[i] / total : 0));
    }
    return new AttributionResult(model, out);
  }

  /** Returns the credit of the named channel. @throws IllegalArgumentException if unknown */
  public ChannelCredit credit(String channel) {
    for (ChannelCredit c : channels) {
      if (c.channel().equals(channel)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no channel '" + channel + "' in " + model);
  }

  /** Returns the total conversions credited. */
  public double totalConversions() {
    KahanSum s = new KahanSum();
    for (ChannelCredit c : channels) {
      s.add(c.conversions());
    }
    return s.value();
  }

  /** Returns the total value credited. */
  public double totalValue() {
    KahanSum s = new KahanSum();
    for (ChannelCredit c : channels) {
      s.add(c.value());
    }
    return s.value();
  }

  /** Returns the channels by credited conversions, largest first. */
  public List<ChannelCredit> ranked() {
    return channels.stream()
        .sorted(Comparator.comparingDouble(ChannelCredit::conversions).reversed())
        .toList();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Attribution[").append(model).append("]");
    for (ChannelCredit c : ranked()) {
      sb.append(System.lineSeparator()).append("  ").append(c);
    }
    return sb.toString();
  }
}
