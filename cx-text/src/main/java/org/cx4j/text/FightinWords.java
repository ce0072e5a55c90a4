package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What distinguishes one group's comments from another's (detractors from promoters, one touchpoint
 * from the rest, this month from last): weighted log-odds ratios with an informative Dirichlet
 * prior, with z-scores (Monroe, Colaresi &amp; Quinn 2008, "Fightin' Words", Political Analysis
 * 16(4), section 3.5.1).
 *
 * <p>For a term {@code w} with counts {@code y_a} and {@code y_b} in groups a and b, whose term
 * totals are {@code n_a} and {@code n_b}, and prior {@code α_w = α₀ × (y_a + y_b) / (n_a + n_b)}
 * (the term's share of all term occurrences in both groups):
 *
 * <pre>{@code
 * δ_w    = log((y_a + α_w) / (n_a + α₀ - y_a - α_w)) - log((y_b + α_w) / (n_b + α₀ - y_b - α_w))
 * var(δ) ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w)
 * z_w    = δ_w / sqrt(var(δ))
 * }</pre>
 *
 * <p>A positive z means the term is more typical of group a. Words and bigrams ({@link
 * CommentTerms}) are scored separately, each with its own totals and prior. {@code α₀} defaults to
 * {@value #DEFAULT_ALPHA0} (a choice of cx4j, not of the paper: larger values shrink rare terms
 * harder towards 0); set it with {@link #alpha0(double)}. Terms seen fewer than {@link
 * #minCount(int)} times in both groups together (default 1) are left out.
 *
 * <p>Immutable and thread-safe.
 */
public final class FightinWords {

  /** The default total prior weight {@code α₀}: 100. */
  public static final double DEFAULT_ALPHA0 = 100;

  private final CommentTerms terms;
  private final double alpha0;
  private final int minCount;

  private FightinWords(CommentTerms terms, double alpha0, int minCount) {
    this.terms = terms;
    this.alpha0 = alpha0;
    this.minCount = minCount;
  }

  /** Returns the analysis with English terms, {@code α₀ = 100} and minimum count 1. */
  public static FightinWords english() {
    return new FightinWords(CommentTerms.english(), DEFAULT_ALPHA0, 1);
  }

  /**
   * Returns a copy with total prior weight {@code alpha0}.
   *
   * @throws IllegalArgumentException if {@code alpha0} is not finite and positive
   */
  public FightinWords alpha0(double alpha0) {
    checkArgument(
        alpha0 > 0 && Double.isFinite(alpha0), "alpha0 must be finite and > 0, got %s", alpha0);
    return new FightinWords(terms, alpha0, minCount);
  }

  /**
   * Returns a copy that leaves out terms with fewer than {@code minCount} occurrences in both
   * groups together.
   *
   * @throws IllegalArgumentException if {@code minCount < 1}
   */
  public FightinWords minCount(int minCount) {
    checkArgument(minCount >= 1, "minCount must be >= 1, got %s", minCount);
    return new FightinWords(terms, alpha0, minCount);
  }

  /** Returns a copy with another term extraction (another language's analyzer). */
  public FightinWords terms(CommentTerms terms) {
    return new FightinWords(requireNonNull(terms, "terms"), alpha0, minCount);
  }

  /** Returns {@code α₀}. */
  public double alpha0() {
    return alpha0;
  }

  /**
   * Returns the words of {@code a} against {@code b}, highest z first (most typical of a). Null and
   * blank comments contribute nothing.
   *
   * @throws IllegalArgumentException if both groups have no term at all
   */
  public List<TermScore> words(Iterable<String> a, Iterable<String> b) {
    return compare(a, b, terms::words);
  }

  /** Returns the bigrams of {@code a} against {@code b}, highest z first; as {@link #words}. */
  public List<TermScore> bigrams(Iterable<String> a, Iterable<String> b) {
    return compare(a, b, terms::bigrams);
  }

  private List<TermScore> compare(
      Iterable<String> a, Iterable<String> b, Function<String, List<String>> extract) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    Map<String, long[]> counts = new HashMap<>();
    long[] totals = new long[2];
    count(a, 0, extract, counts, totals);
    count(b, 1, extract, counts, totals);
    long n = totals[0] + totals[1];
    checkArgument(n > 0, "both groups are without terms: nothing to compare");
    List<TermScore> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long ya = e.getValue()[0];
      long yb = e.getValue()[1];
      if (ya + yb < minCount) {
        continue;
      }
      double aw = alpha0 * (ya + yb) / n;
      double delta =
          Math.log((ya + aw) / (totals[0] + alpha0 - ya - aw))
              - Math.log((yb + aw) / (totals[1] + alpha0 - yb - aw));
      double variance = 1 / (ya + aw) + 1 / (yb + aw);
      out.add(new TermScore(e.getKey(), ya, yb, delta, variance, delta / Math.sqrt(variance)));
    }
    out.sort(Comparator.comparingDouble(TermScore::z).reversed().thenComparing(TermScore::term));
    return out;
  }

  private static void count(
      Iterable<String> comments,
      int group,
      Function<String, List<String>> extract,
      Map<String, long[]> counts,
      long[] totals) {
    for (String c : comments) {
      for (String t : extract.apply(c)) {
        counts.computeIfAbsent(t, k -> new long[2])[group]++;
        totals[group]++;
      }
    }
  }

  /**
   * One term's comparison.
   *
   * @param term the stem or bigram
   * @param countA occurrences in group a
   * @param countB occurrences in group b
   * @param delta the log-odds ratio {@code δ_w} (a against b)
   * @param variance its approximate variance
   * @param z {@code delta / sqrt(variance)}
   */
  public record TermScore(
      String term, long countA, long countB, double delta, double variance, double z) {}
}
