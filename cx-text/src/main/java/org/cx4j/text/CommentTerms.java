package org.cx4j.text;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The terms of a comment for themes and distinguishing words: Lucene's {@code EnglishAnalyzer}
 * (standard tokenizer, possessive removal, lower case, English stop words, Porter stemming) after
 * the same HTML and control-character cleaning as {@link SentimentAnalyzer}. Words are the stems
 * ("battery" and "batteries" give {@code batteri}); bigrams are two stems that were adjacent in the
 * comment with no stop word removed between them, joined by one space ({@code "great batteri"}).
 *
 * <p>English only. Thread-safe (Lucene's analyzer keeps one token stream per thread).
 */
public final class CommentTerms {

  private static final CommentTerms ENGLISH = new CommentTerms(new EnglishAnalyzer());

  private final Analyzer analyzer;

  private CommentTerms(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Returns the English analysis described in the class comment. */
  public static CommentTerms english() {
    return ENGLISH;
  }

  /**
   * Returns a term extraction with the caller's Lucene analyzer (another language's, say); bigrams
   * follow its position increments.
   */
  public static CommentTerms of(Analyzer analyzer) {
    return new CommentTerms(requireNonNull(analyzer, "analyzer"));
  }

  /**
   * Returns the stems of {@code comment} in order, each with a flag whether a token was removed
   * before it; empty for a null or blank comment.
   */
  List<Stem> stems(String comment) {
    List<Stem> out = new ArrayList<>();
    if (comment == null || comment.isBlank()) {
      return out;
    }
    try (TokenStream ts = analyzer.tokenStream("comment", SentimentAnalyzer.clean(comment))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Stem(term.toString(), inc.getPositionIncrement() > 1));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string source does not fail
    }
    return out;
  }

  record Stem(String term, boolean gapBefore) {}

  /** Returns the word stems of {@code comment} in order; empty for a null or blank comment. */
  public List<String> words(String comment) {
    List<String> out = new ArrayList<>();
    for (Stem s : stems(comment)) {
      out.add(s.term());
    }
    return out;
  }

  /**
   * Returns the bigrams of {@code comment} in order: adjacent stems with no stop word removed
   * between them, joined by a space.
   */
  public List<String> bigrams(String comment) {
    List<Stem> stems = stems(comment);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < stems.size(); i++) {
      if (!stems.get(i).gapBefore()) {
        out.add(stems.get(i - 1).term() + " " + stems.get(i).term());
      }
    }
    return out;
  }
}
