package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * An optional second opinion the user trains: L2-regularised logistic regression on labelled
 * comments, over binary bag-of-words and bigram features with negation marking.
 *
 * <p><b>Features.</b> The tokens of {@link SentimentAnalyzer#tokens(String)}, lower-cased; a token
 * up to 3 tokens after a negation ({@code not}, any {@code n't} word, ...: VADER's list and scope)
 * is prefixed {@code not_} (Pang, Lee &amp; Vaithyanathan 2002 mark to the end of the clause); and
 * the bigrams of adjacent marked tokens. A feature is present or absent (binary). Features seen in
 * fewer than {@code minCount} training comments are dropped.
 *
 * <p><b>Fit.</b> Minimises {@code (1/n) Σ log(1 + exp(-y_i (b + w·x_i))) + (λ / 2n) ||w||²} with
 * {@code y_i = ±1} (the intercept {@code b} is not penalised) by Hipparchus' Polak-Ribière
 * conjugate gradient. {@code λ} defaults to 1.
 *
 * <p><b>With the lexicon.</b> {@link #combinedPositive(String, SentimentScore)}: positive when the
 * mean of this model's probability and the lexicon's {@code (compound + 1) / 2} exceeds 0.5.
 *
 * <p>Immutable and thread-safe once trained; {@link #toJson()} and {@link #fromJson(String)} round
 * trip byte for byte.
 */
public final class SentimentClassifier {

  /** The format name written into the JSON. */
  public static final String FORMAT = "cx4j-sentiment-logistic";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final SentimentAnalyzer tokenizer;
  private final double lambda;
  private final boolean bigrams;
  private final double intercept;
  private final Map<String, Double> weights;

  private SentimentClassifier(
      SentimentAnalyzer tokenizer,
      double lambda,
      boolean bigrams,
      double intercept,
      Map<String, Double> weights) {
    this.tokenizer = tokenizer;
    this.lambda = lambda;
    this.bigrams = bigrams;
    this.intercept = intercept;
    this.weights = Collections.unmodifiableMap(new TreeMap<>(weights));
  }

  /** Returns a trainer with {@code λ = 1}, bigrams on and minimum count 1. */
  public static Trainer trainer() {
    return new Trainer();
  }

  /**
   * Returns the probability that {@code comment} is positive, {@code 1 / (1 + exp(-(b + Σ w_f)))}
   * over its features known to the model; a comment without known features (or no comment) gets the
   * intercept alone.
   */
  public double probabilityPositive(String comment) {
    double z = intercept;
    for (String f : features(tokenizer, comment, bigrams)) {
      Double w = weights.get(f);
      if (w != null) {
        z += w;
      }
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Returns whether {@code comment} is positive: {@code probabilityPositive > 0.5}. */
  public boolean positive(String comment) {
    return probabilityPositive(comment) > 0.5;
  }

  /**
   * Returns the documented combination with the lexicon scorer: positive when {@code
   * (probabilityPositive(comment) + (lexicon.compound() + 1) / 2) / 2 > 0.5}.
   */
  public boolean combinedPositive(String comment, SentimentScore lexicon) {
    requireNonNull(lexicon, "lexicon");
    return (probabilityPositive(comment) + (lexicon.compound() + 1) / 2) / 2 > 0.5;
  }

  /** Returns the feature weights (feature to weight, sorted by feature). */
  public Map<String, Double> weights() {
    return weights;
  }

  /** Returns the intercept. */
  public double intercept() {
    return intercept;
  }

  /** Returns the features of {@code comment} as this model sees them (distinct, in order). */
  public List<String> features(String comment) {
    return List.copyOf(features(tokenizer, comment, bigrams));
  }

  static Set<String> features(SentimentAnalyzer tokenizer, String comment, boolean bigrams) {
    List<String> tokens = tokenizer.tokens(comment);
    List<String> marked = new ArrayList<>(tokens.size());
    int scope = 0;
    for (String t : tokens) {
      String lower = t.toLowerCase(Locale.ROOT);
      if (SentimentAnalyzer.isNegation(lower)) {
        marked.add(lower);
        scope = 3;
      } else if (scope > 0) {
        marked.add("not_" + lower);
        scope--;
      } else {
        marked.add(lower);
      }
    }
    Set<String> out = new LinkedHashSet<>(marked);
    if (bigrams) {
      for (int i = 1; i < marked.size(); i++) {
        out.add(marked.get(i - 1) + " " + marked.get(i));
      }
    }
    return out;
  }

  /**
   * Returns the model as JSON (format, λ, bigrams, intercept, weights sorted by feature).
   *
   * @throws IllegalStateException if Jackson fails (it does not for these values)
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(new Stored(FORMAT, lambda, bigrams, intercept, weights));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a model written by {@link #toJson()}; the tokenizer is {@link SentimentAnalyzer#vader()}.
   *
   * @throws IllegalArgumentException if the text is not such JSON, naming the problem
   */
  public static SentimentClassifier fromJson(String json) {
    Stored s;
    try {
      s = JSON.readValue(requireNonNull(json, "json"), Stored.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a " + FORMAT + " model: " + e.getOriginalMessage(), e);
    }
    checkArgument(FORMAT.equals(s.format()), "format must be '%s', got '%s'", FORMAT, s.format());
    checkArgument(s.weights() != null, "weights are missing");
    return new SentimentClassifier(
        SentimentAnalyzer.vader(), s.lambda(), s.bigrams(), s.intercept(), s.weights());
  }

  record Stored(
      @JsonProperty("format") String format,
      @JsonProperty("lambda") double lambda,
      @JsonProperty("bigrams") boolean bigrams,
      @JsonProperty("intercept") double intercept,
      @JsonProperty("weights") Map<String, Double> weights) {
    @JsonCreator
    Stored {}
  }

  /**
   * Returns the k-fold cross-validated accuracy of models from {@code trainer} on {@code comments}
   * with {@code labels} (true = positive): the comments are shuffled with {@code seed} and split
   * into {@code folds} nearly equal parts; each part is scored by a model trained on the others.
   *
   * @throws IllegalArgumentException if the lists differ in length, {@code folds < 2} or there are
   *     fewer comments than folds
   */
  public static double crossValidatedAccuracy(
      List<String> comments, List<Boolean> labels, Trainer trainer, int folds, long seed) {
    checkArgument(
        comments.size() == labels.size(),
        "comments (%s) and labels (%s) must have the same size",
        comments.size(),
        labels.size());
    checkArgument(folds >= 2, "folds must be >= 2, got %s", folds);
    checkArgument(
        comments.size() >= folds, "need at least %s comments, got %s", folds, comments.size());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < comments.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int correct = 0;
    for (int f = 0; f < folds; f++) {
      List<String> trainX = new ArrayList<>();
      List<Boolean> trainY = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int k = 0; k < order.size(); k++) {
        int i = order.get(k);
        if (k % folds == f) {
          test.add(i);
        } else {
          trainX.add(comments.get(i));
          trainY.add(labels.get(i));
        }
      }
      SentimentClassifier m = trainer.train(trainX, trainY);
      for (int i : test) {
        if (m.positive(comments.get(i)) == labels.get(i)) {
          correct++;
        }
      }
    }
    return correct / (double) comments.size();
  }

  /** Trains {@link SentimentClassifier}s; single-threaded builder, reusable. */
  public static final class Trainer {
    private double lambda = 1;
    private boolean bigrams = true;
    private int minCount = 1;
    private SentimentAnalyzer tokenizer = SentimentAnalyzer.vader();

    private Trainer() {}

    /**
     * Sets the L2 penalty {@code λ} (default 1).
     *
     * @throws IllegalArgumentException if {@code lambda} is negative or not finite
     */
    public Trainer lambda(double lambda) {
      checkArgument(
          lambda >= 0 && Double.isFinite(lambda), "lambda must be finite and >= 0, got %s", lambda);
      this.lambda = lambda;
      return this;
    }

    /** Sets whether bigrams are features (default true). */
    public Trainer bigrams(boolean bigrams) {
      this.bigrams = bigrams;
      return this;
    }

    /**
     * Drops features present in fewer than {@code minCount} training comments (default 1).
     *
     * @throws IllegalArgumentException if {@code minCount < 1}
     */
    public Trainer minCount(int minCount) {
      checkArgument(minCount >= 1, "minCount must be >= 1, got %s", minCount);
      this.minCount = minCount;
      return this;
    }

    /**
     * Trains on {@code comments} with {@code labels} (true = positive). No-comment entries (null or
     * blank) are skipped.
     *
     * @throws IllegalArgumentException if the sizes differ, or there is not at least one positive
     *     and one negative comment
     */
    public SentimentClassifier train(List<String> comments, List<Boolean> labels) {
      checkArgument(
          comments.size() == labels.size(),
          "comments (%s) and labels (%s) must have the same size",
          comments.size(),
          labels.size());
      Map<String, Integer> df = new HashMap<>();
      List<Set<String>> docs = new ArrayList<>();
      List<Boolean> ys = new ArrayList<>();
      for (int i = 0; i < comments.size(); i++) {
        String c = comments.get(i);
        if (c == null || c.isBlank()) {
          continue;
        }
        Set<String> f = features(tokenizer, c, bigrams);
        f.forEach(t -> df.merge(t, 1, Integer::sum));
        docs.add(f);
        ys.add(requireNonNull(labels.get(i), "label " + i));
      }
      checkArgument(
          ys.contains(true) && ys.contains(false), "training needs positive and negative comments");
      List<String> vocab = new ArrayList<>();
      Map<String, Integer> index = new HashMap<>();
      df.forEach(
          (t, n) -> {
            if (n >= minCount) {
              index.put(t, vocab.size());
              vocab.add(t);
            }
          });
      int n = docs.size();
      int[][] x = new int[n][];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] =
            docs.get(i).stream()
                .map(index::get)
                .filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue)
                .toArray();
        y[i] = ys.get(i) ? 1 : -1;
      }
      int dim = vocab.size() + 1; // last: intercept
      double[] w = fit(x, y, dim, lambda);
      Map<String, Double> weights = new HashMap<>();
      for (int j = 0; j < vocab.size(); j++) {
        weights.put(vocab.get(j), w[j]);
      }
      return new SentimentClassifier(tokenizer, lambda, bigrams, w[dim - 1], weights);
    }

    private static double[] fit(int[][] x, double[] y, int dim, double lambda) {
      int n = x.length;
      double[] best = new double[dim];
      NonLinearConjugateGradientOptimizer cg =
          new NonLinearConjugateGradientOptimizer(
              NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
              new SimpleValueChecker(1e-12, 1e-14));
      try {
        best =
            cg.optimize(
                    new MaxEval(20_000),
                    new MaxIter(5_000),
                    new ObjectiveFunction(w -> loss(x, y, w, lambda, null)),
                    new ObjectiveFunctionGradient(
                        w -> {
                          double[] g = new double[dim];
                          loss(x, y, w, lambda, g);
                          return g;
                        }),
                    GoalType.MINIMIZE,
                    new InitialGuess(new double[dim]))
                .getPoint();
      } catch (MathIllegalStateException e) {
        throw new IllegalStateException(
            "logistic regression did not converge on " + n + " comments: " + e.getMessage(), e);
      }
      return best;
    }

    /** Mean logistic loss with L2 penalty (intercept unpenalised); fills the gradient if given. */
    static double loss(int[][] x, double[] y, double[] w, double lambda, double[] g) {
      int n = x.length;
      int b = w.length - 1;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double z = w[b];
        for (int j : x[i]) {
          z += w[j];
        }
        double m = y[i] * z;
        // log(1 + exp(-m)) without overflow
        sum += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
        if (g != null) {
          double s = -y[i] / (1 + Math.exp(m)) / n; // d/dz of the mean loss
          g[b] += s;
          for (int j : x[i]) {
            g[j] += s;
          }
        }
      }
      double pen = 0;
      for (int j = 0; j < b; j++) {
        pen += w[j] * w[j];
        if (g != null) {
          g[j] += lambda * w[j] / n;
        }
      }
      return sum / n + lambda * pen / (2 * n);
    }
  }
}
