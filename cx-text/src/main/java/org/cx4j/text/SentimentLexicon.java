package org.cx4j.text;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An immutable valence lexicon: word or emoticon to a valence on VADER's scale (about -4, most
 * negative, to +4, most positive).
 *
 * <p>{@link #vader()} is the VADER lexicon (Hutto &amp; Gilbert 2014; 7,520 lines, MIT licence, see
 * {@code NOTICE}) shipped as the resource {@code org/cx4j/text/vader_lexicon.txt}. Domain words are
 * added or overridden with {@link #with(String, double)} and {@link #withAll(Map)}, which return a
 * new lexicon ({@code lexicon.with("refund", -1.5).with("crashed", -2.5)}).
 *
 * <p>Look-up ({@link #valence(String)}) tries the token as written, then its lower-case form, so
 * {@code ":D"} (an entry with a capital) and {@code "GREAT"} (found as {@code "great"}) both match.
 * Entries are English; another language is added by reading its lexicon with {@link #read(Reader,
 * String)} (the negation and booster word lists of {@link SentimentAnalyzer} stay English).
 *
 * <p>Thread-safe (immutable).
 */
public final class SentimentLexicon {

  private static final String VADER_RESOURCE = "vader_lexicon.txt";

  private static volatile SentimentLexicon vader;

  private final Map<String, Double> entries;

  private SentimentLexicon(Map<String, Double> entries) {
    this.entries = entries;
  }

  /**
   * Returns the VADER lexicon as shipped (loaded once, then cached). Where a word appears twice in
   * the file ({@code ok}, {@code lol}, ...), the later line wins, as in VADER's own reader.
   *
   * @throws UncheckedIOException if the resource cannot be read (a broken jar)
   */
  public static SentimentLexicon vader() {
    SentimentLexicon v = vader;
    if (v == null) {
      synchronized (SentimentLexicon.class) {
        v = vader;
        if (v == null) {
          try (InputStream in = SentimentLexicon.class.getResourceAsStream(VADER_RESOURCE)) {
            if (in == null) {
              throw new UncheckedIOException(
                  new IOException("resource org/cx4j/text/" + VADER_RESOURCE + " is missing"));
            }
            v = read(new InputStreamReader(in, StandardCharsets.UTF_8), VADER_RESOURCE);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          vader = v;
        }
      }
    }
    return v;
  }

  /** Returns an empty lexicon (every comment scores 0), to build a lexicon entry by entry. */
  public static SentimentLexicon empty() {
    return new SentimentLexicon(Map.of());
  }

  /**
   * Reads a lexicon in VADER's format: one entry a line, the token, a tab, the mean valence, and
   * optionally further tab-separated columns (standard deviation, raw ratings) that are ignored.
   * Blank lines are skipped; a later line for the same token replaces an earlier one.
   *
   * @param reader the lexicon text (not closed by this method)
   * @param sourceName the name used in error messages (a file name)
   * @throws IllegalArgumentException naming the source, the line and the value when a line has no
   *     tab or its valence is not a finite number
   * @throws UncheckedIOException when reading fails
   */
  public static SentimentLexicon read(Reader reader, String sourceName) {
    requireNonNull(reader, "reader");
    requireNonNull(sourceName, "sourceName");
    Map<String, Double> map = new HashMap<>();
    BufferedReader in = new BufferedReader(reader);
    int lineNo = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        checkArgument(
            tab > 0,
            "%s line %s: expected <token>TAB<valence>, got '%s'",
            sourceName,
            lineNo,
            line);
        int end = line.indexOf('\t', tab + 1);
        String value = line.substring(tab + 1, end < 0 ? line.length() : end).trim();
        double valence;
        try {
          valence = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              sourceName + " line " + lineNo + ": valence '" + value + "' is not a number", e);
        }
        checkArgument(
            Double.isFinite(valence),
            "%s line %s: valence '%s' is not finite",
            sourceName,
            lineNo,
            value);
        map.put(line.substring(0, tab), valence);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          sourceName + " line " + (lineNo + 1) + ": " + e.getMessage(), e);
    }
    return new SentimentLexicon(Collections.unmodifiableMap(map));
  }

  /**
   * Returns a lexicon with {@code token} set to {@code valence} (added, or replacing the shipped
   * value), e.g. {@code with("refund", -1.5)}.
   *
   * @throws IllegalArgumentException if {@code token} is blank or contains whitespace (a token is
   *     one whitespace-separated word), or {@code valence} is not finite
   */
  public SentimentLexicon with(String token, double valence) {
    return withAll(Map.of(requireNonNull(token, "token"), valence));
  }

  /**
   * Returns a lexicon with every entry of {@code additions} added or replacing the present value.
   *
   * @throws IllegalArgumentException naming the token if a token is blank or contains whitespace,
   *     or its valence is not finite
   */
  public SentimentLexicon withAll(Map<String, Double> additions) {
    requireNonNull(additions, "additions");
    Map<String, Double> map = new HashMap<>(entries);
    additions.forEach(
        (token, valence) -> {
          checkArgument(
              token != null && !token.isBlank() && token.chars().noneMatch(Character::isWhitespace),
              "lexicon token must be one non-blank word without whitespace, got '%s'",
              token);
          checkArgument(
              valence != null && Double.isFinite(valence),
              "valence of lexicon token '%s' must be finite, got %s",
              token,
              valence);
          map.put(token, valence);
        });
    return new SentimentLexicon(Collections.unmodifiableMap(map));
  }

  /**
   * Returns the valence of {@code token}: the entry for the token as written if there is one, else
   * the entry for its lower-case form (root locale), else empty.
   */
  public OptionalDouble valence(String token) {
    double v = valenceOrNaN(token);
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Returns whether {@link #valence(String)} finds {@code token}. */
  public boolean contains(String token) {
    return !Double.isNaN(valenceOrNaN(token));
  }

  /** The valence, or NaN when absent; no boxing of the result for the scorer's hot loop. */
  double valenceOrNaN(String token) {
    Double v = entries.get(token);
    if (v == null) {
      v = entries.get(token.toLowerCase(Locale.ROOT));
    }
    return v == null ? Double.NaN : v;
  }

  /** As {@link #valenceOrNaN(String)} with the lower-case form already at hand. */
  double valenceOrNaN(String token, String lower) {
    Double v = entries.get(token);
    if (v == null && !lower.equals(token)) {
      v = entries.get(lower);
    }
    return v == null ? Double.NaN : v;
  }

  /** Returns the number of entries. */
  public int size() {
    return entries.size();
  }

  /** Returns the entries, unmodifiable (token as written in the lexicon to valence). */
  public Map<String, Double> entries() {
    return entries;
  }

  @Override
  public String toString() {
    return "SentimentLexicon[" + entries.size() + " entries]";
  }
}
