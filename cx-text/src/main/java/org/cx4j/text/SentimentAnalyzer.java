package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM), with the
 * VADER lexicon or a user's.
 *
 * <h2>Steps</h2>
 *
 * <ol>
 *   <li><b>No comment.</b> {@code null}, empty or whitespace-only text is "no comment": {@link
 *       #score(String)} returns empty (never a neutral score).
 *   <li><b>Cleaning.</b> Comments longer than {@link Builder#maxLength(int)} characters (default
 *       {@value #DEFAULT_MAX_LENGTH}) after the stripping below are cut there and flagged {@link
 *       SentimentScore#truncated()}; HTML markup is stripped and entities decoded (Lucene's {@code
 *       HTMLStripCharFilter}, only when the text has a {@code <} or {@code &}); control characters
 *       become spaces; the typographic apostrophe {@code ’} becomes {@code '}.
 *   <li><b>Tokens.</b> Lucene's {@code WhitespaceTokenizer} splits on white space, keeping case,
 *       {@code !} and emoticons. A token found in the lexicon as it stands (an emoticon such as
 *       {@code :)} or {@code <3}) is kept whole; otherwise punctuation is stripped from its ends
 *       and it is split at inner punctuation other than {@code '} and {@code -} ({@code
 *       "minutes.MAJOR"} gives {@code minutes}, {@code MAJOR}); pieces without a letter or digit
 *       are dropped. The punctuation {@code , ; : . ! ? ( )} and a lone dash mark clause ends,
 *       {@code . ! ?} sentence ends.
 *   <li><b>Valence.</b> Each token gets its lexicon valence (0 when absent). Booster words ({@code
 *       very}, {@code extremely}, ...; {@code barely}, {@code somewhat}, ...) score 0 themselves,
 *       as does {@code kind} or {@code sort} before {@code of}.
 *   <li><b>Idioms.</b> VADER's multi-word expressions ({@code "to die for"} 3, {@code "yeah right"}
 *       -2, {@code "under the weather"} -2, ...; not across a clause end) replace the valences of
 *       their words, carried by their first word.
 *   <li><b>Capitals.</b> When some but not all words are in capitals (a word of at least two
 *       letters with no lower-case letter), a capitalised lexicon word moves {@value
 *       #CAPS_INCREMENT} away from 0.
 *   <li><b>Boosters.</b> A booster 1, 2 or 3 tokens before a lexicon word (when that token is not
 *       itself in the lexicon) adds {@code ±}{@value #BOOSTER_INCREMENT} away from 0 (intensifier)
 *       or towards 0 (dampener), scaled by 1, 0.95 and 0.9 with the distance; a booster in capitals
 *       adds a further {@value #CAPS_INCREMENT}. {@code kind of} and {@code sort of} dampen like
 *       {@code kinda}. Boosters and negations do not reach across a clause end ({@code "not bad,
 *       good"}: {@code good} is not negated).
 *   <li><b>Negation.</b> A negation ({@code not}, {@code never}, {@code without}, any word with
 *       {@code n't}, ...) up to 3 tokens before a lexicon word (again only through tokens not in
 *       the lexicon) multiplies its valence by {@value #NEGATION_SCALAR}; {@code never so/this}
 *       multiplies by 1.25 instead, {@code without doubt} leaves it. {@code no} before a lexicon
 *       word in its clause scores 0 itself and negates words 1 to 2 after it (3 after {@code no ...
 *       or/nor}); {@code least} negates the next word unless after {@code at} or {@code very}. Not
 *       negated: a comparative after {@code couldn't be}, {@code could not be}, {@code can't be}
 *       ({@code "couldn't be happier"} is as positive as {@code happier}). Not negated either: a
 *       negative word in a warning, a sentence that starts with (optionally {@code please}) {@code
 *       don't}, {@code do not} or {@code never}, then the word, then {@code your} ({@code "Don't
 *       waste your money"} is negative).
 *   <li><b>Contrast.</b> In each sentence that contains {@code but} or {@code however}, valences
 *       before its first occurrence are halved and those after it multiplied by 1.5.
 *   <li><b>Exclamation and question marks.</b> Each {@code !} (at most 4) adds {@value
 *       #EXCLAMATION_INCREMENT}; 2 or 3 {@code ?} add 0.18 each, more add 0.96; the emphasis moves
 *       the sum away from 0 (it does nothing to a sum of exactly 0).
 *   <li><b>Compound.</b> {@code compound = x / sqrt(x^2 + 15)} of the sum {@code x}, clamped to
 *       [-1, 1]. Shares: positive tokens contribute {@code valence + 1}, negative {@code |valence|
 *       + 1}, zero tokens 1 to the neutral count; the emphasis is added to the larger side; each
 *       side is divided by the total.
 * </ol>
 *
 * <p>Differences from the reference Python implementation (vaderSentiment 3.3): tokens are split at
 * inner punctuation and stripped of outer punctuation whatever their length (the reference keeps
 * {@code "ok!"} whole, so it misses {@code ok}); exact-case look-up before lower case (so {@code
 * :D} matches); one-letter words such as {@code I} do not count as capitals; emoji descriptions are
 * left out by design (emoticons are scored); {@code couldn't be happier} and warnings are not
 * negated; negation and boosters stop at clause ends; contrast is per sentence and {@code however}
 * counts as {@code but}; {@code kind of} dampens towards 0 (the reference adds -0.293 whatever the
 * sign); idioms are matched wherever they occur (the reference only around lexicon words) and "in
 * the red/black" are left out; scores are not rounded.
 *
 * <p>English only: the negation and booster lists are English and non-English text is not detected;
 * a comment in another language mostly scores 0. Other languages can bring their lexicon ({@link
 * SentimentLexicon#read}).
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
          "aint",
          "arent",
          "cannot",
          "cant",
          "couldnt",
          "darent",
          "didnt",
          "doesnt",
          "ain't",
          "aren't",
          "can't",
          "couldn't",
          "daren't",
          "didn't",
          "doesn't",
          "dont",
          "hadnt",
          "hasnt",
          "havent",
          "isnt",
          "mightnt",
          "mustnt",
          "neither",
          "don't",
          "hadn't",
          "hasn't",
          "haven't",
          "isn't",
          "mightn't",
          "mustn't",
          "neednt",
          "needn't",
          "never",
          "none",
          "nope",
          "nor",
          "not",
          "nothing",
          "nowhere",
          "oughtnt",
          "shant",
          "shouldnt",
          "uhuh",
          "wasnt",
          "werent",
          "oughtn't",
          "shan't",
          "shouldn't",
          "uh-uh",
          "wasn't",
          "weren't",
          "without",
          "wont",
          "wouldnt",
          "won't",
          "wouldn't",
          "rarely",
          "seldom",
          "despite");

  // VADER's BOOSTER_DICT (one-word entries): intensifiers +B_INCR, dampeners -B_INCR.
  private static final Map<String, Double> BOOSTERS = boosters();

  private static Map<String, Double> boosters() {
    ImmutableMap.Builder<String, Double> b = ImmutableMap.builder();
    for (String w :
        List.of(
            "absolutely",
            "amazingly",
            "awfully",
            "completely",
            "considerable",
            "considerably",
            "decidedly",
            "deeply",
            "effing",
            "enormous",
            "enormously",
            "entirely",
            "especially",
            "exceptional",
            "exceptionally",
            "extreme",
            "extremely",
            "fabulously",
            "flipping",
            "flippin",
            "frackin",
            "fracking",
            "fricking",
            "frickin",
            "frigging",
            "friggin",
            "fully",
            "fuckin",
            "fucking",
            "fuggin",
            "fugging",
            "greatly",
            "hella",
            "highly",
            "hugely",
            "incredible",
            "incredibly",
            "intensely",
            "major",
            "majorly",
            "more",
            "most",
            "particularly",
            "purely",
            "quite",
            "really",
            "remarkably",
            "so",
            "substantially",
            "thoroughly",
            "total",
            "totally",
            "tremendous",
            "tremendously",
            "uber",
            "unbelievably",
            "unusually",
            "utter",
            "utterly",
            "very")) {
      b.put(w, BOOSTER_INCREMENT);
    }
    for (String w :
        List.of(
            "almost",
            "barely",
            "hardly",
            "kinda",
            "kindof",
            "kind-of",
            "less",
            "little",
            "marginal",
            "marginally",
            "occasional",
            "occasionally",
            "partly",
            "scarce",
            "scarcely",
            "slight",
            "slightly",
            "somewhat",
            "sorta",
            "sortof",
            "sort-of")) {
      b.put(w, -BOOSTER_INCREMENT);
    }
    return b.build();
  }

  // Multi-word expressions whose sense is not the sum of their words: VADER's SPECIAL_CASES and
  // SENTIMENT_LADEN_IDIOMS (vaderSentiment 3.3, MIT) with their valences, less "in the black" and
  // "in the red", which in reviews are mostly colours. Longer ones first.
  private static final Map<String[], Double> IDIOMS = idioms();

  private static Map<String[], Double> idioms() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("kiss of death", -1.5);
    m.put("to die for", 3.0);
    m.put("cut the mustard", 2.0);
    m.put("hand to mouth", -2.0);
    m.put("break a leg", 2.0);
    m.put("cooking with gas", 2.0);
    m.put("on the ball", 2.0);
    m.put("under the weather", -2.0);
    m.put("the shit", 3.0);
    m.put("the bomb", 3.0);
    m.put("bad ass", 1.5);
    m.put("yeah right", -2.0);
    m.put("beating heart", 3.1);
    m.put("broken heart", -2.9);
    m.put("back handed", -2.0);
    m.put("blow smoke", -2.0);
    m.put("blowing smoke", -2.0);
    m.put("upper hand", 1.0);
    m.put("bus stop", 0.0);
    Map<String[], Double> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.split(" "), v));
    return Collections.unmodifiableMap(out);
  }

  // Facts about a word found in one hash look-up per token: its lexicon valence (NaN when absent),
  // its booster increment (0 when it is none) and the function-word flags below.
  private static final int NEG = 1;
  private static final int BUT = 1 << 1;
  private static final int NO = 1 << 2;
  private static final int LEAST = 1 << 3;
  private static final int KIND_SORT = 1 << 4;
  private static final int OF = 1 << 5;
  private static final int AT_VERY = 1 << 6;
  private static final int NEVER = 1 << 7;
  private static final int SO_THIS = 1 << 8;
  private static final int WITHOUT = 1 << 9;
  private static final int DOUBT = 1 << 10;
  private static final int BE = 1 << 11;
  private static final int COULDNT = 1 << 12;
  private static final int COULD_CAN = 1 << 13;
  private static final int NOT = 1 << 14;
  private static final int OR_NOR = 1 << 15;
  private static final int IDIOM_START = 1 << 16;

  private record Word(double valence, double booster, int flags, List<Idiom> idioms) {
    static final Word NEGATION = new Word(Double.NaN, 0, NEG, List.of());
  }

  private record Idiom(String[] words, double valence) {}

  private final SentimentLexicon lexicon;
  private final int maxLength;
  private final Analyzer tokenizer;
  private final WordTable<Word> words;

  private SentimentAnalyzer(Builder b) {
    this.lexicon = b.lexicon;
    this.maxLength = b.maxLength;
    this.words = wordTable(lexicon);
    // Lucene's Analyzer reuses one WhitespaceTokenizer per thread (its default reuse strategy).
    this.tokenizer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new WhitespaceTokenizer());
          }
        };
  }

  /** Lexicon entries (as written) merged with the booster, negation and other function words. */
  private static WordTable<Word> wordTable(SentimentLexicon lexicon) {
    Map<String, double[]> vb = new HashMap<>(); // valence, booster
    Map<String, Integer> flags = new HashMap<>();
    lexicon.entries().forEach((k, v) -> vb.computeIfAbsent(k, x -> empty())[0] = v);
    BOOSTERS.forEach((k, v) -> vb.computeIfAbsent(k, x -> empty())[1] = v);
    for (String k : NEGATIONS) {
      flags.merge(k, NEG, (a, b) -> a | b);
    }
    flag(flags, BUT, "but", "however");
    flag(flags, NO, "no");
    flag(flags, LEAST, "least");
    flag(flags, KIND_SORT, "kind", "sort");
    flag(flags, OF, "of");
    flag(flags, AT_VERY, "at", "very");
    flag(flags, NEVER, "never");
    flag(flags, SO_THIS, "so", "this");
    flag(flags, WITHOUT, "without");
    flag(flags, DOUBT, "doubt");
    flag(flags, BE, "be");
    flag(flags, COULDNT, "couldn't", "couldnt", "can't", "cant", "cannot");
    flag(flags, COULD_CAN, "could", "can");
    flag(flags, NOT, "not");
    flag(flags, OR_NOR, "or", "nor");
    Map<String, List<Idiom>> idioms = new HashMap<>();
    IDIOMS.forEach(
        (words, v) -> {
          flag(flags, IDIOM_START, words[0]);
          idioms.computeIfAbsent(words[0], x -> new ArrayList<>()).add(new Idiom(words, v));
        });
    Map<String, Word> out = new HashMap<>(2 * (vb.size() + flags.size()));
    for (String k : Sets.union(vb.keySet(), flags.keySet())) {
      double[] x = vb.getOrDefault(k, empty());
      int f = flags.getOrDefault(k, 0) | (k.contains("n't") ? NEG : 0);
      out.put(k, new Word(x[0], x[1], f, List.copyOf(idioms.getOrDefault(k, List.of()))));
    }
    return new WordTable<>(out);
  }

  private static double[] empty() {
    return new double[] {Double.NaN, 0};
  }

  private static void flag(Map<String, Integer> flags, int flag, String... keys) {
    for (String k : keys) {
      flags.merge(k, flag, (a, b) -> a | b);
    }
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
    String text = clean(comment, maxLength + 1);
    boolean truncated = text.length() > maxLength;
    if (truncated) {
      text = text.substring(0, maxLength);
    }
    if (text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(scoreTokens(tokenize(text), text, truncated));
  }

  /**
   * Returns the tokens the scorer sees for {@code comment} after cleaning (see the class
   * description), in order; empty for no comment. The same cleaning, tokenizer and splitting as
   * {@link #score(String)}, as Strings: the baseline of the sentiment benchmark.
   */
  public List<String> tokens(String comment) {
    if (comment == null || comment.isBlank()) {
      return List.of();
    }
    String text = clean(comment, maxLength + 1);
    if (text.length() > maxLength) {
      text = text.substring(0, maxLength);
    }
    // Strings straight from Lucene's buffer: no char copy, no clause marks (the baseline of the
    // benchmark does only what any tokenising must).
    Words words = new Words();
    tokenize(text, words);
    return Collections.unmodifiableList(words.list);
  }

  /** Tokens as Strings only, for {@link #tokens(String)}. */
  private static final class Words extends Tokens {
    final List<String> list = new ArrayList<>();

    Words() {
      chars = null;
      start = null;
      length = null;
      hash = null;
      shape = null;
      clauseEnd = new boolean[0];
      sentenceEnd = new boolean[0];
    }

    @Override
    void add(char[] b, int off, int len) {
      list.add(new String(b, off, len));
    }
  }

  /** HTML, control characters and the typographic apostrophe. */
  static String clean(String text) {
    return clean(text, Integer.MAX_VALUE);
  }

  /**
   * As {@link #clean(String)}, reading at most {@code limit} characters of the cleaned text: a long
   * comment is cut after its markup is stripped, never inside a tag, and a megabyte of HTML is not
   * decoded to score its first 5,000 characters.
   */
  static String clean(String text, int limit) {
    String s = text;
    if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) {
      s = stripHtml(s, limit);
    } else if (s.length() > limit) {
      s = s.substring(0, limit);
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

  private static String stripHtml(String s, int limit) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), limit));
    char[] buf = new char[256];
    try (HTMLStripCharFilter f = new HTMLStripCharFilter(new StringReader(s))) {
      for (int n = f.read(buf); n >= 0 && out.length() < limit; n = f.read(buf)) {
        out.append(buf, 0, Math.min(n, limit - out.length()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out.toString();
  }

  /**
   * The tokens of one comment as slices of one char array, and where clauses end; arrays grown as
   * needed. No String per token on the scoring path.
   */
  private static class Tokens {
    char[] chars = new char[256];
    int[] start = new int[32];
    int[] length = new int[32];
    // clauseEnd[i]: a clause boundary (, ; : . ! ? parentheses or a lone dash) follows token i
    boolean[] clauseEnd = new boolean[32];
    // sentenceEnd[i]: . ! or ? follows token i
    boolean[] sentenceEnd = new boolean[32];
    // WordTable's hash of each token and its shape (UPPER, LOWER, APOSTROPHE, LETTERS2 bits),
    // computed while the characters are copied, so the scorer reads each character once
    int[] hash = new int[32];
    int[] shape = new int[32];
    int n;
    int used;

    static final int UPPER = 1;
    static final int LOWER = 2;
    static final int APOSTROPHE = 4;
    static final int LETTERS2 = 8;

    void add(char[] b, int off, int len) {
      if (n == start.length) {
        start = Arrays.copyOf(start, 2 * n);
        length = Arrays.copyOf(length, 2 * n);
        clauseEnd = Arrays.copyOf(clauseEnd, 2 * n);
        sentenceEnd = Arrays.copyOf(sentenceEnd, 2 * n);
        hash = Arrays.copyOf(hash, 2 * n);
        shape = Arrays.copyOf(shape, 2 * n);
      }
      if (used + len > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(2 * chars.length, used + len));
      }
      int letters = 0;
      int sh = 0;
      int h = 0;
      for (int k = 0; k < len; k++) {
        char c = b[off + k];
        chars[used + k] = c;
        char folded = c;
        if (c >= 'a' && c <= 'z') {
          sh |= LOWER;
          letters++;
        } else if (c >= 'A' && c <= 'Z') {
          sh |= UPPER;
          letters++;
          folded = (char) (c + 32);
        } else if (c >= 128) {
          sh |= Character.isLowerCase(c) ? LOWER : 0;
          sh |= Character.isUpperCase(c) ? UPPER : 0;
          letters += Character.isLetter(c) ? 1 : 0;
          folded = WordTable.fold(c);
        } else if (c == '\'') {
          sh |= APOSTROPHE;
        }
        h = 31 * h + folded;
      }
      hash[n] = WordTable.spread(h);
      shape[n] = sh | (letters >= 2 ? LETTERS2 : 0);
      start[n] = used;
      length[n] = len;
      used += len;
      n++;
    }

    void endClause() {
      if (n > 0 && n <= clauseEnd.length) {
        clauseEnd[n - 1] = true;
      }
    }

    void endSentence() {
      if (n > 0 && n <= sentenceEnd.length) {
        sentenceEnd[n - 1] = true;
      }
    }

    String word(int i) {
      return new String(chars, start[i], length[i]);
    }

    /** Whether token {@code i} contains {@code lower} ignoring case. */
    boolean contains(int i, String lower) {
      int m = lower.length();
      for (int p = start[i]; p + m <= start[i] + length[i]; p++) {
        int k = 0;
        while (k < m && WordTable.fold(chars[p + k]) == lower.charAt(k)) {
          k++;
        }
        if (k == m) {
          return true;
        }
      }
      return false;
    }

    /** Whether token {@code i} is {@code lower} ignoring case ({@code lower} is lower case). */
    boolean is(int i, String lower) {
      if (length[i] != lower.length()) {
        return false;
      }
      for (int k = 0; k < length[i]; k++) {
        if (WordTable.fold(chars[start[i] + k]) != lower.charAt(k)) {
          return false;
        }
      }
      return true;
    }
  }

  private Tokens tokenize(String text) {
    return tokenize(text, new Tokens());
  }

  private Tokens tokenize(String text, Tokens out) {
    try (TokenStream ts = tokenizer.tokenStream("comment", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        char[] b = term.buffer();
        int len = term.length();
        if (isPlainWord(b, len) || inLexicon(b, len)) {
          out.add(b, 0, len); // an emoticon, or a word without punctuation
        } else {
          split(b, len, out);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string source does not fail
    }
    return out;
  }

  /** As {@link SentimentLexicon#contains(String)}: as written, then lower case. */
  private boolean inLexicon(char[] b, int len) {
    Word w = words.exact(b, 0, len);
    if (w == null || Double.isNaN(w.valence())) {
      w = words.folded(b, 0, len);
    }
    return w != null && !Double.isNaN(w.valence());
  }

  /** Letters and digits only: splitting would return it unchanged, no need to look it up. */
  private static boolean isPlainWord(char[] b, int len) {
    for (int k = 0; k < len; k++) {
      char c = b[k];
      boolean plain =
          c < 128
              ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              : Character.isLetterOrDigit(c);
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits at punctuation except inner apostrophes and hyphens; keeps pieces with a letter/digit,
   * and marks a clause end where the punctuation after a piece holds a clause mark.
   */
  private static void split(char[] b, int n, Tokens out) {
    int start = -1;
    boolean pieces = false;
    boolean dash = false;
    for (int i = 0; i <= n; i++) {
      boolean wordChar = i < n && isWordChar(b, n, i);
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        out.add(b, start, i - start);
        pieces = true;
        start = -1;
      }
      if (!wordChar && i < n) {
        if (isClauseMark(b[i])) {
          out.endClause();
          if (b[i] == '.' || b[i] == '!' || b[i] == '?') {
            out.endSentence();
          }
        }
        dash |= b[i] == '-';
      }
    }
    if (!pieces && dash) {
      out.endClause(); // a lone dash between words: "Unreliable - I'm giving up"
    }
  }

  private static boolean isClauseMark(char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '('
        || c == ')';
  }

  private static boolean isWordChar(char[] t, int n, int i) {
    char c = t[i];
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    // An apostrophe or hyphen between two letters/digits: don't, wi-fi.
    return (c == '\'' || c == '-')
        && i > 0
        && i + 1 < n
        && Character.isLetterOrDigit(t[i - 1])
        && Character.isLetterOrDigit(t[i + 1]);
  }

  /** Per-token facts of one comment, filled by one look-up per token. */
  private static final class Facts {
    final double[] lex;
    final double[] boost;
    final int[] flags;
    final boolean[] shouted;
    final boolean[] clauseEnd;
    final boolean[] sentenceEnd;
    final boolean capDiff;
    final int n;
    // the words found, for their idioms; the union of all tokens' flags, to skip absent rules
    final Word[] found;
    final int allFlags;

    Facts(Tokens t, WordTable<Word> table) {
      n = t.n;
      lex = new double[n];
      boost = new double[n];
      flags = new int[n];
      shouted = new boolean[n];
      found = new Word[n];
      int union = 0;
      clauseEnd = t.clauseEnd;
      sentenceEnd = t.sentenceEnd;
      char[] b = t.chars;
      int shout = 0;
      for (int i = 0; i < n; i++) {
        int off = t.start[i];
        int len = t.length[i];
        int h = t.hash[i];
        boolean upper = (t.shape[i] & Tokens.UPPER) != 0;
        boolean lower = (t.shape[i] & Tokens.LOWER) != 0;
        boolean apostrophe = (t.shape[i] & Tokens.APOSTROPHE) != 0;
        // Without capitals the token is its own lower case: compare as written, no folding.
        Word word = upper ? table.folded(b, off, len, h) : table.exact(b, off, len, h);
        double valence = word == null ? Double.NaN : word.valence();
        if (upper) {
          // The token as written first (":D"), then its lower-case form ("GREAT" as "great").
          Word exact = table.exact(b, off, len, h);
          if (exact != null && !Double.isNaN(exact.valence())) {
            valence = exact.valence();
          }
        }
        if (word == null && apostrophe && t.contains(i, "n't")) {
          word = Word.NEGATION; // any n't word negates
        }
        lex[i] = valence;
        if (word != null) {
          boost[i] = word.booster();
          flags[i] = word.flags();
          union |= word.flags();
          found[i] = word;
        }
        // "GREAT" shouts, "I" and "A+" do not
        shouted[i] = !lower && (t.shape[i] & Tokens.LETTERS2) != 0;
        if (shouted[i]) {
          shout++;
        }
      }
      capDiff = shout > 0 && shout < n;
      allFlags = union;
    }

    boolean is(int i, int flag) {
      return (flags[i] & flag) != 0;
    }

    /** Whether a clause boundary lies between tokens {@code j < i}. */
    boolean clauseBreak(int j, int i) {
      for (int k = j; k < i; k++) {
        if (clauseEnd[k]) {
          return true;
        }
      }
      return false;
    }
  }

  private SentimentScore scoreTokens(Tokens t, String text, boolean truncated) {
    Facts f = new Facts(t, words);
    int n = f.n;
    if ((f.allFlags & IDIOM_START) != 0) {
      idioms(t, f);
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      if (f.boost[i] != 0 || (f.is(i, KIND_SORT) && i + 1 < n && f.is(i + 1, OF))) {
        continue; // boosters and "kind of" carry no valence of their own
      }
      s[i] = valence(f, t, i);
    }
    if ((f.allFlags & BUT) != 0) {
      contrast(f, s);
    }
    return combine(s, punctuationEmphasis(text), truncated);
  }

  /**
   * In each sentence with "but" or "however", valences before its first occurrence are halved and
   * those after it multiplied by 1.5.
   */
  private static void contrast(Facts f, double[] s) {
    int n = f.n;
    for (int a = 0; a < n; ) {
      int e = a;
      while (e < n - 1 && !f.sentenceEnd[e]) {
        e++;
      }
      int but = -1;
      for (int i = a; i <= e && but < 0; i++) {
        if (f.is(i, BUT)) {
          but = i;
        }
      }
      for (int i = a; but >= 0 && i <= e; i++) {
        if (i < but) {
          s[i] *= 0.5;
        } else if (i > but) {
          s[i] *= 1.5;
        }
      }
      a = e + 1;
    }
  }

  /** Replaces the valence of an idiom's words by the idiom's, on its first word. */
  private void idioms(Tokens t, Facts f) {
    for (int i = 0; i < f.n; i++) {
      if (!f.is(i, IDIOM_START)) {
        continue;
      }
      for (Idiom e : f.found[i].idioms()) {
        String[] idiom = e.words();
        if (matches(t, i, idiom)) {
          f.lex[i] = e.valence();
          for (int k = 1; k < idiom.length; k++) {
            f.lex[i + k] = Double.NaN;
            f.boost[i + k] = 0;
          }
          i += idiom.length - 1;
          break;
        }
      }
    }
  }

  private static boolean matches(Tokens t, int i, String[] idiom) {
    if (i + idiom.length > t.n) {
      return false;
    }
    for (int k = 0; k < idiom.length; k++) {
      if (!t.is(i + k, idiom[k]) || (k + 1 < idiom.length && t.clauseEnd[i + k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * A warning: "Don't waste your money", "Never risk your ...": a sentence that starts (after an
   * optional "please") with don't, do not or never, then the negative word, then "your". The
   * negation belongs to the advice, not to the word: the speaker calls the thing a waste.
   */
  private static boolean warning(Facts f, Tokens t, int i) {
    if (i + 1 >= f.n || !t.is(i + 1, "your")) {
      return false;
    }
    int a = i - 1;
    if (a >= 0 && (t.is(a, "don't") || t.is(a, "dont") || t.is(a, "never"))) {
      a -= 1;
    } else if (a >= 1 && t.is(a, "not") && t.is(a - 1, "do")) {
      a -= 2;
    } else {
      return false;
    }
    if (a >= 0 && t.is(a, "please")) {
      a--;
    }
    return a < 0 || f.sentenceEnd[a];
  }

  private static double valence(Facts f, Tokens t, int i) {
    double base = f.lex[i];
    if (Double.isNaN(base)) {
      return 0;
    }
    int n = f.n;
    double v = base;
    // Negations and boosters reach at most 3 tokens back, and not across a clause boundary.
    int lo = Math.max(0, i - 3);
    for (int k = i - 1; k >= lo; k--) {
      if (f.clauseEnd[k]) {
        lo = k + 1;
        break;
      }
    }
    if (f.is(i, NO) && i + 1 < n && !f.clauseEnd[i] && !Double.isNaN(f.lex[i + 1])) {
      v = 0; // "no" before a lexicon word: the negation is carried by the next word
    }
    if ((i - 1 >= lo && f.is(i - 1, NO))
        || (i - 2 >= lo && f.is(i - 2, NO))
        || (i - 3 >= lo && f.is(i - 3, NO) && f.is(i - 1, OR_NOR))) {
      v = base * NEGATION_SCALAR;
    }
    if (f.capDiff && f.shouted[i]) {
      v += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
    }
    boolean superlativeIdiom = couldNotBeComparative(f, t, i);
    for (int d = 0; d < 3; d++) {
      int j = i - (d + 1);
      if (j >= lo && Double.isNaN(f.lex[j])) {
        double b = boost(f, j, v);
        if (f.is(j, OF) && j > 0 && f.is(j - 1, KIND_SORT)) {
          b = v < 0 ? BOOSTER_INCREMENT : -BOOSTER_INCREMENT;
        }
        if (d == 1) {
          b *= 0.95;
        } else if (d == 2) {
          b *= 0.9;
        }
        v += b;
        if (!superlativeIdiom && !(base < 0 && warning(f, t, i))) {
          v = negation(f, v, d, i);
        }
      }
    }
    return i - 1 >= lo ? least(f, v, i) : v;
  }

  /**
   * "couldn't be happier", "could not be worse", "can't be better": a negated comparative after
   * "be" means the extreme of that word, not its opposite (not in the reference implementation).
   */
  private static boolean couldNotBeComparative(Facts f, Tokens t, int i) {
    int end = t.start[i] + t.length[i];
    if (i < 2
        || !f.is(i - 1, BE)
        || t.length[i] < 3
        || WordTable.fold(t.chars[end - 2]) != 'e'
        || WordTable.fold(t.chars[end - 1]) != 'r') {
      return false;
    }
    return f.is(i - 2, COULDNT) || (i >= 3 && f.is(i - 2, NOT) && f.is(i - 3, COULD_CAN));
  }

  private static double boost(Facts f, int j, double valence) {
    double b = f.boost[j];
    if (b == 0) {
      return 0;
    }
    double scalar = valence < 0 ? -b : b;
    if (f.capDiff && f.shouted[j]) {
      scalar += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
    }
    return scalar;
  }

  private static double negation(Facts f, double v, int d, int i) {
    if (d == 0) {
      return f.is(i - 1, NEG) ? v * NEGATION_SCALAR : v;
    }
    if (d == 1) {
      if (f.is(i - 2, NEVER) && f.is(i - 1, SO_THIS)) {
        return v * 1.25;
      }
      if (f.is(i - 2, WITHOUT) && f.is(i - 1, DOUBT)) {
        return v;
      }
      return f.is(i - 2, NEG) ? v * NEGATION_SCALAR : v;
    }
    if (f.is(i - 3, NEVER) && (f.is(i - 2, SO_THIS) || f.is(i - 1, SO_THIS))) {
      return v * 1.25;
    }
    if (f.is(i - 3, WITHOUT) && (f.is(i - 2, DOUBT) || f.is(i - 1, DOUBT))) {
      return v;
    }
    return f.is(i - 3, NEG) ? v * NEGATION_SCALAR : v;
  }

  private static double least(Facts f, double v, int i) {
    if (i > 0 && Double.isNaN(f.lex[i - 1]) && f.is(i - 1, LEAST)) {
      return i > 1 && f.is(i - 2, AT_VERY) ? v : v * NEGATION_SCALAR;
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
     * Adds or overrides lexicon entries of the current lexicon (domain words: {@code refund},
     * {@code crashed}).
     *
     * @throws IllegalArgumentException as {@link SentimentLexicon#withAll(Map)}
     */
    public Builder entries(Map<String, Double> entries) {
      this.lexicon = lexicon.withAll(entries);
      return this;
    }

    /**
     * Sets the maximum length of a comment in characters (default 5000); longer comments are
     * truncated there and flagged.
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
