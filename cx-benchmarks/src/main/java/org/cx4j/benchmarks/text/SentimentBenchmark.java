package org.cx4j.benchmarks.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cx4j.text.SentimentAnalyzer;
import org.cx4j.text.SentimentScore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentiment of review sentences against its baseline in the same run: {@code tokenize} runs the
 * same cleaning and Lucene whitespace tokenizer over the same comments ({@link
 * SentimentAnalyzer#tokens(String)}) and does nothing else. Target: sentiment at least 50,000
 * comments/s on one core and at most 2x the tokenizing time.
 *
 * <p>The comments are the 1,000 sentences of {@code
 * ../shared/datasets/feedback_text/amazon_cells_labelled.txt} (system property {@code
 * cx4j.datasets}) replicated to {@code comments}; each operation is one comment (ops/s =
 * comments/s).
 *
 * <pre>
 * ./mvnw -o -q -pl cx-benchmarks -am -Dmaven.javadoc.skip -DskipTests package
 * java -Dcx4j.datasets=../shared/datasets -jar cx-benchmarks/target/benchmarks.jar 'text.Sentiment' -f 1 -wi 2 -w 5 -i 3 -r 5
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class SentimentBenchmark {

  /** Comments, the shared set replicated. */
  @Param({"1000000"})
  public int comments;

  private static final int BATCH = 1000;

  private String[] texts;
  private SentimentAnalyzer analyzer;
  private int next;

  /** Reads and replicates the comments. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path p =
        Path.of(System.getProperty("cx4j.datasets", "../shared/datasets"))
            .resolve("feedback_text/amazon_cells_labelled.txt");
    List<String> base = new ArrayList<>();
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) {
        base.add(line.substring(0, tab));
      }
    }
    texts = new String[comments];
    for (int i = 0; i < comments; i++) {
      // new String: distinct objects, as a stream of comments would be, not 1,000 cached ones
      texts[i] = new String(base.get(i % base.size()));
    }
    analyzer = SentimentAnalyzer.vader();
    // One pass so that the lexicon and Lucene's per-thread tokenizer exist before measuring.
    for (String t : texts) {
      analyzer.score(t);
    }
  }

  private int start() {
    int s = next;
    next = (next + BATCH) % (comments - BATCH + 1);
    return s;
  }

  /** Sentiment of a batch of comments; the sum of compounds keeps the work alive. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double sentiment() {
    int s = start();
    double sum = 0;
    for (int i = s; i < s + BATCH; i++) {
      sum += analyzer.score(texts[i]).map(SentimentScore::compound).orElse(0.0);
    }
    return sum;
  }

  /** Baseline: the same cleaning and tokenizer over the same batch. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int tokenize() {
    int s = start();
    int n = 0;
    for (int i = s; i < s + BATCH; i++) {
      n += analyzer.tokens(texts[i]).size();
    }
    return n;
  }
}
