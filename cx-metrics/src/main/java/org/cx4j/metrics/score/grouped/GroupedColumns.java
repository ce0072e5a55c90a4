package org.cx4j.metrics.score.grouped;

import java.util.Objects;

/**
 * A table of survey answers held in columns: scores ({@code byte[]} or {@code int[]}), the group
 * code of each row ({@code byte[]}, {@code short[]} or {@code int[]}, or none for a single group)
 * with the number of groups, and optionally a sampling weight per row ({@code double[]}). The input
 * of {@link GroupedScores}.
 *
 * <p>Group codes run from 0 to {@code groupCount - 1}. Codes in a {@code byte[]} are read unsigned
 * (0..255) and codes in a {@code short[]} unsigned (0..65535), so a {@code byte[]} holds up to 256
 * groups; an {@code int[]} code must not be negative. Codes and scores are checked when they are
 * scored, not here (that is one more pass over the data).
 *
 * <p>A view, not a copy: the arrays must not change while they are scored. Immutable otherwise.
 */
public final class GroupedColumns {

  private final Object scores; // byte[] or int[]
  private final Object groups; // byte[], short[], int[], or null for one group
  private final double[] weights; // null when unweighted
  private final int groupCount;

  private GroupedColumns(
      Object scores,
      int scoresLength,
      Object groups,
      int groupsLength,
      int groupCount,
      double[] weights) {
    this.scores = scores;
    this.groups = groups;
    this.groupCount = groupCount;
    this.weights = weights;
    if (groupCount < 1) {
      throw new IllegalArgumentException("groupCount must be at least 1, got " + groupCount);
    }
    if (groups == null && groupCount != 1) {
      throw new IllegalArgumentException(
          "columns without group codes have one group, got groupCount " + groupCount);
    }
    if (groups != null && groupsLength != scoresLength) {
      throw new IllegalArgumentException(
          "scores and group codes must have the same length, got "
              + scoresLength
              + " and "
              + groupsLength);
    }
    if (weights != null && weights.length != scoresLength) {
      throw new IllegalArgumentException(
          "scores and weights must have the same length, got "
              + scoresLength
              + " and "
              + weights.length);
    }
  }

  /**
   * Returns the columns of {@code scores} grouped by {@code groups} (read unsigned, 0..255).
   *
   * @throws IllegalArgumentException if the lengths differ or {@code groupCount < 1}
   */
  public static GroupedColumns of(byte[] scores, byte[] groups, int groupCount) {
    return new GroupedColumns(
        scores,
        scores.length,
        Objects.requireNonNull(groups, "groups"),
        groups.length,
        groupCount,
        null);
  }

  /**
   * Returns the columns of {@code scores} grouped by {@code groups} (read unsigned, 0..65535).
   *
   * @throws IllegalArgumentException if the lengths differ or {@code groupCount < 1}
   */
  public static GroupedColumns of(byte[] scores, short[] groups, int groupCount) {
    return new GroupedColumns(
        scores,
        scores.length,
        Objects.requireNonNull(groups, "groups"),
        groups.length,
        groupCount,
        null);
  }

  /**
   * Returns the columns of {@code scores} grouped by {@code groups}.
   *
   * @throws IllegalArgumentException if the lengths differ or {@code groupCount < 1}
   */
  public static GroupedColumns of(byte[] scores, int[] groups, int groupCount) {
    return new GroupedColumns(
        scores,
        scores.length,
        Objects.requireNonNull(groups, "groups"),
        groups.length,
        groupCount,
        null);
  }

  /**
   * Returns the columns of {@code scores} grouped by {@code groups} (read unsigned, 0..255).
   *
   * @throws IllegalArgumentException if the lengths differ or {@code groupCount < 1}
   */
  public static GroupedColumns of(int[] scores, byte[] groups, int groupCount) {
    return new GroupedColumns(
        scores,
        scores.length,
        Objects.requireNonNull(groups, "groups"),
        groups.length,
        groupCount,
        null);
  }

  /**
   * Returns the columns of {@code scores} grouped by {@code groups} (read unsigned, 0..65535).
   *
   * @throws IllegalArgumentException if the lengths differ or {@code groupCount < 1}
   */
  public static GroupedColumns of(int[] scores, short[] groups, int groupCount) {
    return new GroupedColumns(
        scores,
        scores.length,
        Objects.requireNonNull(groups, "groups"),
        groups.length,
        groupCount,
        null);
  }

  /**
   * Returns the columns of {@code scores} grouped by {@code groups}.
   *
   * @throws IllegalArgumentException if the lengths differ or {@code groupCount < 1}
   */
  public static GroupedColumns of(int[] scores, int[] groups, int groupCount) {
    return new GroupedColumns(
        scores,
        scores.length,
        Objects.requireNonNull(groups, "groups"),
        groups.length,
        groupCount,
        null);
  }

  /** Returns the columns of {@code scores} as one group (no codes). */
  public static GroupedColumns of(byte[] scores) {
    return new GroupedColumns(scores, scores.length, null, 0, 1, null);
  }

  /** Returns the columns of {@code scores} as one group (no codes). */
  public static GroupedColumns of(int[] scores) {
    return new GroupedColumns(scores, scores.length, null, 0, 1, null);
  }

  /**
   * Returns these columns with a sampling weight per row (finite and non-negative, checked when
   * scored).
   *
   * @throws IllegalArgumentException if {@code weights} has another length than the scores
   */
  public GroupedColumns withWeights(double[] weights) {
    return new GroupedColumns(
        scores, length(), groups, length(), groupCount, Objects.requireNonNull(weights, "weights"));
  }

  /** Returns the number of rows. */
  public int length() {
    return scores instanceof byte[] b ? b.length : ((int[]) scores).length;
  }

  /** Returns the number of groups. */
  public int groupCount() {
    return groupCount;
  }

  /** Returns whether the rows carry weights. */
  public boolean isWeighted() {
    return weights != null;
  }

  Object scores() {
    return scores;
  }

  Object groups() {
    return groups;
  }

  double[] weights() {
    return weights;
  }

  /** Returns the score of row {@code i} (slow path: errors). */
  int scoreAt(int i) {
    return scores instanceof byte[] b ? b[i] : ((int[]) scores)[i];
  }

  /** Returns the group code of row {@code i}, unsigned for bytes and shorts (slow path). */
  int codeAt(int i) {
    if (groups == null) {
      return 0;
    }
    if (groups instanceof byte[] b) {
      return b[i] & 0xFF;
    }
    if (groups instanceof short[] s) {
      return s[i] & 0xFFFF;
    }
    return ((int[]) groups)[i];
  }

  @Override
  public String toString() {
    return "GroupedColumns["
        + length()
        + " rows, "
        + groupCount
        + " groups, "
        + scores.getClass().getSimpleName()
        + " scores, "
        + (groups == null ? "no" : groups.getClass().getSimpleName())
        + " codes"
        + (weights == null ? "" : ", weighted")
        + "]";
  }
}
