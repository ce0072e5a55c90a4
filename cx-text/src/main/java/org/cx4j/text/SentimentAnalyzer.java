package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Rule-based sentiment of a comment in the manner of VADER (Hutto &amp; Gilbert 2014, "VADER: A
 * Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM), with the VADER
 * lexicon or a user's.
 *
 * <h2>Steps</h2>
 *
 * <ol>
 *   <li><b>No comment.</b> {@code null}, empty or whitespace-only text is "no comment": {@link
 *       #score(String)} returns empty (never a neutral score).
 *   <li><b>Cleaning.</b> Comments longer than {@link Builder#maxLength(int)} characters (default
 *       {@value #DEFAULT_MAX_LENGTH}) are cut there and flagged {@link SentimentScore#truncated()};
 *       HTML markup is stripped and entities decoded (Lucene's {@code HTMLStripCharFilter}, only
 *       when the text has a {@code <} or {@code &}); control characters become spaces; the typographic
 *       apostrophe {@code ’} becomes {@code '}.
 *   <li><b>Tokens.</b> Lucene's {@code WhitespaceTokenizer} splits on white space, keeping case,
 *       {@code !} and emoticons. A token found in the lexicon as it stands (an emoticon such as
 *       {@code :)} or {@code <3}) is kept whole; otherwise punctuation is stripped from its ends and
 *       it is split at inner punctuation other than {@code '} and {@code -} ({@code
 *       "minutes.MAJOR"} gives {@code minutes}, {@code MAJOR}); pieces without a letter or digit are
 *       dropped.
 *   <li><b>Valence.</b> Each token gets its lexicon valence (0 when absent). Booster words
 *       ({@code very}, {@code extremely}, ...; {@code barely}, {@code somewhat}, ...) score 0
 *       themselves, as does {@code kind} before {@code of}.
 *   <li><b>Capitals.</b> When some but not all words are in capitals (a word of at least two letters
 *       with no lower-case letter), a capitalised lexicon word moves {@value #CAPS_INCREMENT} away
 *       from 0.
 *   <li><b>Boosters.</b> A booster 1, 2 or 3 tokens before a lexicon word (when that token is not
 *       itself in the lexicon) adds {@code ±}{@value #BOOSTER_INCREMENT} away from 0 (intensifier) or
 *       towards 0 (dampener), scaled by 1, 0.95 and 0.9 with the distance; a booster in capitals
 *       adds a further {@value #CAPS_INCREMENT}.
 *   <li><b>Negation.</b> A negation ({@code not}, {@code never}, {@code without}, any word with
 *       {@code n't}, ...) up to 3 tokens before a lexicon word (again only through tokens not in the
 *       lexicon) multiplies its valence by {@value #NEGATION_SCALAR}; {@code never so/this}
 *       multiplies by 1.25 instead, {@code without doubt} leaves it. {@code no} before a lexicon word
 *       scores 0 itself and negates words 1 to 2 after it (3 after {@code no ... or/nor});
 *       {@code least} negates the next word unless after {@code at} or {@code very}. Not
 *       negated: a comparative after {@code couldn't be}, {@code could not be}, {@code can't be}
 *       ({@code "couldn't be happier"} is as positive as {@code happier}).
 *   <li><b>Contrast.</b> Where the comment contains {@code but}, valences before its first
 *       occurrence are halved and those after it multiplied by 1.5.
 *   <li><b>Exclamation and question marks.</b> Each {@code !} (at most 4) adds {@value
 *       #EXCLAMATION_INCREMENT}; 2 or 3 {@code ?} add 0.18 each, more add 0.96; the emphasis moves
 *       the sum away from 0 (it does nothing to a sum of exactly 0).
 *   <li><b>Compound.</b> {@code compound = x / sqrt(x^2 + 15)} of the sum {@code x}, clamped to [-1,
 *       1]. Shares: positive tokens contribute {@code valence + 1}, negative {@code |valence| + 1},
 *       zero tokens 1 to the neutral count; the emphasis is added to the larger side; each side is
 *       divided by the total.
 * </ol>
 *
 * <p>Differences from the reference Python implementation (vaderSentiment 3.3): tokens are split at
 * inner punctuation and stripped of outer punctuation whatever their length (the reference keeps
 * {@code "ok!"} whole, so it misses {@code ok}); exact-case look-up before lower case (so {@code :D}
 * matches); one-letter words such as {@code I} do not count as capitals; the idiom list ({@code "the
 * bomb"}, ...) and emoji descriptions are left out by design (emoticons are scored); {@code couldn't be happier} is not
 * negated; scores are not rounded.
 *
 * <p>English only: the negation and booster lists are English and non-English text is not
 * detected; a comment in another language mostly scores 0. Other languages can bring their lexicon
 * ({@link SentimentLexicon#read}).
 *
 * <p>Thread-safe: immutable, and Lucene's analyzer keeps one tokenizer per thread.
 */
public final class SentimentAnalyzer {

  /** The default maximum length of a comment in characters: 5000. */
  public static final int DEFAULT_MAX_LENGTH = 5000;

  /** Booster increment {@code B_INCR} of VADER. */
  public static final double BOOSTER_INCREMENT = 0.293;

  /** Emphasis of a capitalised word, {@code C_INCR} of VADER. */
  public static final double CAPS_INCREMENT = 0.733;

  /** The factor a negation applies, {@code N_SCALAR} of VADER. */
  public static final double NEGATION_SCALAR = -0.74;

  /** The emphasis of one exclamation mark (at most 4 count). */
  public static final double EXCLAMATION_INCREMENT = 0.292;

  /** The {@code alpha} of the normalisation {@code x / sqrt(x^2 + alpha)}: 15. */
  public static final double NORMALIZATION_ALPHA = 15;

  // VADER's NEGATE list (vaderSentiment 3.3, MIT): words that negate a lexicon word after them.
  private static final Set<String> NEGATIONS =
      ImmutableSet.of(
          "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't",
          "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
          "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't",
          "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not",
          "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
          "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont",
          "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

  // VADER's BOOSTER_DICT (one-word entries): intensifiers +B_INCR, dampeners -B_INCR.
  private static final Map<String, Double> BOOSTERS = boosters();

  private static Map<String, Double> boosters() {
    ImmutableMap.Builder<String, Double> b = ImmutableMap.builder();
    for (String w :
        List.of(
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
            "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
            "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
            "unusually", "utter", "utterly", "very")) {
      b.put(w, BOOSTER_INCREMENT);
    }
    for (String w :
        List.of(
            "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
            "slight", "slightly", "somewhat", "sorta", "sortof", "sort-of")) {
      b.put(w, -BOOSTER_INCREMENT);
    }
    return b.build();
  }

  private final SentimentLexicon lexicon;
  private final int maxLength;
  private final Analyzer tokenizer;

  private SentimentAnalyzer(Builder b) {
    this.lexicon = b.lexicon;
    this.maxLength = b.maxLength;
    // Lucene's Analyzer reuses one WhitespaceTokenizer per thread (its default reuse strategy).
    this.tokenizer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new WhitespaceTokenizer());
          }
        };
  }

  /** Returns an analyzer with the VADER lexicon and the default maximum length. */
  public static SentimentAnalyzer vader() {
    return builder().build();
  }

  /** Returns a builder starting from the VADER lexicon and the default maximum length. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the lexicon in use. */
  public SentimentLexicon lexicon() {
    return lexicon;
  }

  /** Returns the maximum length of a comment in characters; longer ones are truncated. */
  public int maxLength() {
    return maxLength;
  }

  /**
   * Returns the sentiment of {@code comment}, or empty when it is "no comment" ({@code null}, empty
   * or whitespace only, also after HTML and control characters are stripped).
   */
  public Optional<SentimentScore> score(String comment) {
    if (comment == null || comment.isBlank()) {
      return Optional.empty();
    }
    boolean truncated = comment.length() > maxLength;
    String text = clean(truncated ? comment.substring(0, maxLength) : comment);
    if (text.isBlank()) {
      return Optional.empty();
    }
    List<String> words = words(text);
    return Optional.of(scoreWords(words, text, truncated));
  }

  /**
   * Returns the tokens the scorer sees for {@code comment} after cleaning (see the class
   * description), in order; empty for no comment. The same work as {@link #score(String)} up to the
   * valences: the baseline of the sentiment benchmark.
   */
  public List<String> tokens(String comment) {
    if (comment == null || comment.isBlank()) {
      return List.of();
    }
    String text = clean(comment.length() > maxLength ? comment.substring(0, maxLength) : comment);
    return List.copyOf(words(text));
  }

  /** HTML, control characters and the typographic apostrophe. */
  static String clean(String text) {
    String s = text;
    if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) {
      s = stripHtml(s);
    }
    char[] chars = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char r = c;
      if (c == '\u2019' || c == '\u2018') {
        r = '\'';
      } else if (Character.isISOControl(c) || c == '\u00a0') {
        r = ' ';
      }
      if (r != c) {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = r;
      }
    }
    return chars == null ? s : new String(chars);
  }

  private static String stripHtml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    char[] buf = new char[256];
    try (HTMLStripCharFilter f = new HTMLStripCharFilter(new StringReader(s))) {
      for (int n = f.read(buf); n >= 0; n = f.read(buf)) {
        out.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out.toString();
  }

  private List<String> words(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = tokenizer.tokenStream("comment", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String token = term.toString();
        if (isPlainWord(token) || lexicon.contains(token)) {
          out.add(token); // an emoticon, or a word without punctuation
        } else {
          split(token, out);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string source does not fail
    }
    return out;
  }

  /** Letters and digits only: splitting would return it unchanged, no need to look it up. */
  private static boolean isPlainWord(String token) {
    for (int k = 0; k < token.length(); k++) {
      if (!Character.isLetterOrDigit(token.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Splits at punctuation except inner apostrophes and hyphens; keeps pieces with a letter/digit. */
  private static void split(String token, List<String> out) {
    int n = token.length();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      boolean wordChar = i < n && isWordChar(token, i);
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        out.add(token.substring(start, i));
        start = -1;
      }
    }
  }

  private static boolean isWordChar(String t, int i) {
    char c = t.charAt(i);
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    // An apostrophe or hyphen between two letters/digits: don't, wi-fi.
    return (c == '\'' || c == '-')
        && i > 0
        && i + 1 < t.length()
        && Character.isLetterOrDigit(t.charAt(i - 1))
        && Character.isLetterOrDigit(t.charAt(i + 1));
  }

  private SentimentScore scoreWords(List<String> words, String text, boolean truncated) {
    int n = words.size();
    String[] w = words.toArray(new String[0]);
    String[] lw = new String[n];
    // One look-up per token; NaN marks "not in the lexicon".
    double[] lex = new double[n];
    int shouted = 0;
    for (int i = 0; i < n; i++) {
      lw[i] = w[i].toLowerCase(Locale.ROOT);
      lex[i] = lexicon.valenceOrNaN(w[i], lw[i]);
      if (isShouted(w[i])) {
        shouted++;
      }
    }
    boolean capDiff = shouted > 0 && shouted < n;
    double[] s = new double[n];
    int but = -1;
    for (int i = 0; i < n; i++) {
      if (but < 0 && lw[i].equals("but")) {
        but = i;
      }
      if (BOOSTERS.containsKey(lw[i])
          || (lw[i].equals("kind") && i + 1 < n && lw[i + 1].equals("of"))) {
        continue; // boosters and "kind of" carry no valence of their own
      }
      s[i] = valence(w, lw, lex, i, capDiff);
    }
    if (but >= 0) {
      for (int i = 0; i < n; i++) {
        if (i < but) {
          s[i] *= 0.5;
        } else if (i > but) {
          s[i] *= 1.5;
        }
      }
    }
    return combine(s, punctuationEmphasis(text), truncated);
  }

  private static double valence(String[] w, String[] lw, double[] lex, int i, boolean capDiff) {
    double base = lex[i];
    if (Double.isNaN(base)) {
      return 0;
    }
    int n = w.length;
    double v = base;
    if (lw[i].equals("no") && i + 1 < n && !Double.isNaN(lex[i + 1])) {
      v = 0; // "no" before a lexicon word: the negation is carried by the next word
    }
    if ((i > 0 && lw[i - 1].equals("no"))
        || (i > 1 && lw[i - 2].equals("no"))
        || (i > 2 && lw[i - 3].equals("no") && (lw[i - 1].equals("or") || lw[i - 1].equals("nor")))) {
      v = base * NEGATION_SCALAR;
    }
    if (capDiff && isShouted(w[i])) {
      v += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
    }
    boolean superlativeIdiom = couldNotBeComparative(lw, i);
    for (int d = 0; d < 3; d++) {
      int j = i - (d + 1);
      if (j >= 0 && Double.isNaN(lex[j])) {
        double b = boost(w[j], lw[j], v, capDiff);
        if (d == 1) {
          b *= 0.95;
        } else if (d == 2) {
          b *= 0.9;
        }
        v += b;
        if (!superlativeIdiom) {
          v = negation(v, lw, d, i);
        }
      }
    }
    return least(v, lw, lex, i);
  }

  /**
   * "couldn't be happier", "could not be worse", "can't be better": a negated comparative after
   * "be" means the extreme of that word, not its opposite (not in the reference implementation).
   */
  private static boolean couldNotBeComparative(String[] lw, int i) {
    if (i < 2 || !lw[i - 1].equals("be") || !lw[i].endsWith("er")) {
      return false;
    }
    String n = lw[i - 2];
    if (COULD_NOT.contains(n)) {
      return true;
    }
    return i >= 3 && n.equals("not") && (lw[i - 3].equals("could") || lw[i - 3].equals("can"));
  }

  private static final Set<String> COULD_NOT =
      ImmutableSet.of("couldn't", "couldnt", "can't", "cant", "cannot");

  private static double boost(String word, String lower, double valence, boolean capDiff) {
    Double b = BOOSTERS.get(lower);
    if (b == null) {
      return 0;
    }
    double scalar = valence < 0 ? -b : b;
    if (capDiff && isShouted(word)) {
      scalar += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
    }
    return scalar;
  }

  private static double negation(double v, String[] lw, int d, int i) {
    if (d == 0) {
      return isNegation(lw[i - 1]) ? v * NEGATION_SCALAR : v;
    }
    if (d == 1) {
      if (lw[i - 2].equals("never") && (lw[i - 1].equals("so") || lw[i - 1].equals("this"))) {
        return v * 1.25;
      }
      if (lw[i - 2].equals("without") && lw[i - 1].equals("doubt")) {
        return v;
      }
      return isNegation(lw[i - 2]) ? v * NEGATION_SCALAR : v;
    }
    if (lw[i - 3].equals("never")
        && (lw[i - 2].equals("so") || lw[i - 2].equals("this")
            || lw[i - 1].equals("so") || lw[i - 1].equals("this"))) {
      return v * 1.25;
    }
    if (lw[i - 3].equals("without") && (lw[i - 2].equals("doubt") || lw[i - 1].equals("doubt"))) {
      return v;
    }
    return isNegation(lw[i - 3]) ? v * NEGATION_SCALAR : v;
  }

  private static double least(double v, String[] lw, double[] lex, int i) {
    if (i > 1 && Double.isNaN(lex[i - 1]) && lw[i - 1].equals("least")) {
      if (!lw[i - 2].equals("at") && !lw[i - 2].equals("very")) {
        return v * NEGATION_SCALAR;
      }
    } else if (i > 0 && Double.isNaN(lex[i - 1]) && lw[i - 1].equals("least")) {
      return v * NEGATION_SCALAR;
    }
    return v;
  }

  static boolean isNegation(String lower) {
    return NEGATIONS.contains(lower) || lower.contains("n't");
  }

  /** At least two letters and no lower-case letter ("GREAT", "A+" is not: one letter). */
  static boolean isShouted(String word) {
    int letters = 0;
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }

  static double punctuationEmphasis(String text) {
    int ex = 0;
    int qm = 0;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '!') {
        ex++;
      } else if (c == '?') {
        qm++;
      }
    }
    double e = Math.min(ex, 4) * EXCLAMATION_INCREMENT;
    if (qm > 1) {
      e += qm <= 3 ? qm * 0.18 : 0.96;
    }
    return e;
  }

  private static SentimentScore combine(double[] s, double emphasis, boolean truncated) {
    double sum = 0;
    double pos = 0;
    double neg = 0;
    int neu = 0;
    for (double x : s) {
      sum += x;
      if (x > 0) {
        pos += x + 1; // +1 compensates for the neutral count of each word (VADER)
      } else if (x < 0) {
        neg += x - 1;
      } else {
        neu++;
      }
    }
    if (s.length == 0) {
      return new SentimentScore(0, 0, 0, 0, 0, truncated);
    }
    if (sum > 0) {
      sum += emphasis;
    } else if (sum < 0) {
      sum -= emphasis;
    }
    double compound = normalize(sum);
    if (pos > -neg) {
      pos += emphasis;
    } else if (pos < -neg) {
      neg -= emphasis;
    }
    double total = pos - neg + neu;
    return new SentimentScore(
        compound,
        Math.min(1, Math.abs(pos / total)),
        Math.min(1, neu / total),
        Math.min(1, Math.abs(neg / total)),
        s.length,
        truncated);
  }

  /**
   * Returns VADER's normalisation {@code x / sqrt(x^2 + 15)}, clamped to [-1, 1]; 0 for 0.
   *
   * @throws IllegalArgumentException if {@code x} is NaN
   */
  public static double normalize(double x) {
    checkArgument(!Double.isNaN(x), "x must not be NaN");
    if (Double.isInfinite(x)) {
      return Math.signum(x);
    }
    double c = x / Math.sqrt(x * x + NORMALIZATION_ALPHA);
    return Math.max(-1, Math.min(1, c));
  }

  @Override
  public String toString() {
    return "SentimentAnalyzer[" + lexicon + ", maxLength " + maxLength + "]";
  }

  /** Builds a {@link SentimentAnalyzer}; single-threaded. */
  public static final class Builder {
    private SentimentLexicon lexicon = SentimentLexicon.vader();
    private int maxLength = DEFAULT_MAX_LENGTH;

    private Builder() {}

    /** Sets the lexicon (default {@link SentimentLexicon#vader()}). */
    public Builder lexicon(SentimentLexicon lexicon) {
      this.lexicon = requireNonNull(lexicon, "lexicon");
      return this;
    }

    /**
     * Adds or overrides lexicon entries of the current lexicon (domain words: {@code refund}, {@code
     * crashed}).
     *
     * @throws IllegalArgumentException as {@link SentimentLexicon#withAll(Map)}
     */
    public Builder entries(Map<String, Double> entries) {
      this.lexicon = lexicon.withAll(entries);
      return this;
    }

    /**
     * Sets the maximum length of a comment in characters (default 5000);
     * longer comments are truncated there and flagged.
     *
     * @throws IllegalArgumentException if {@code maxLength < 1}
     */
    public Builder maxLength(int maxLength) {
      checkArgument(maxLength >= 1, "maxLength must be >= 1, got %s", maxLength);
      this.maxLength = maxLength;
      return this;
    }


    /** Returns the analyzer. */
    public SentimentAnalyzer build() {
      return new SentimentAnalyzer(this);
    }
  }
}
