package org.cx4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.Test;

/**
 * Runs the JShell startup file and the README's JShell session through the JShell API, on this
 * module's test class path (which holds every cx4j module), so that the documented session keeps
 * working: every {@code jshell>} line must compile and run, and every expression's value must be
 * exactly the output the README shows under it (JShell's concise feedback, as {@code ./cx shell}
 * uses: declarations print nothing, expressions print {@code name ==> value}).
 *
 * <p>This is a documentation check: it keeps the README true to the code. Whether the figures are
 * right is tested elsewhere against independent derivations (for the sample, {@code
 * CxReportSampleTest}).
 */
class ReadmeJshellTest {

  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  /** One {@code jshell>} line and the output lines the README shows under it. */
  record Step(String input, List<String> output) {}

  @Test
  void startupFileAndReadmeSessionRunAndPrintWhatTheReadmeShows() throws IOException {
    List<String> startup = startupSnippets(Files.readString(ROOT.resolve("jshell/startup.jsh")));
    List<Step> session = readmeSession(Files.readString(ROOT.resolve("README.md")));
    assertTrue(session.size() >= 10, "README session has " + session.size() + " lines");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JShell shell =
        JShell.builder()
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .executionEngine("local")
            .build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      for (String code : startup) {
        run(shell, code);
      }
      int compared = 0;
      for (Step step : session) {
        List<SnippetEvent> events = run(shell, step.input());
        SnippetEvent last = events.get(events.size() - 1);
        boolean expression =
            last.snippet().kind() == Snippet.Kind.EXPRESSION
                || (last.snippet() instanceof VarSnippet v
                    && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
        if (!expression) {
          assertTrue(
              step.output().isEmpty(),
              "a declaration prints nothing in concise feedback: " + step.input());
          continue;
        }
        assertFalse(step.output().isEmpty(), "README shows no output for " + step.input());
        String shown = String.join("\n", step.output());
        int arrow = shown.indexOf(" ==> ");
        assertTrue(arrow > 0, "output must start with 'name ==> ': " + shown);
        String value = last.value();
        // Every expression's toString() reads as text, not as ClassName@hash.
        assertFalse(value.matches("(?s).*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*@[0-9a-f]+.*"), value);
        assertEquals(
            shown.substring(arrow + " ==> ".length()),
            value.replace("\r\n", "\n"),
            "README output of: " + step.input());
        compared++;
      }
      assertTrue(compared >= 6, "only " + compared + " outputs compared");
    }
  }

  private static List<SnippetEvent> run(JShell shell, String code) {
    List<SnippetEvent> all = new ArrayList<>();
    for (String unit : units(shell, code)) {
      for (SnippetEvent e : shell.eval(unit)) {
        if (e.exception() != null) {
          fail("snippet threw " + e.exception() + ": " + unit);
        }
        if (e.status() == Snippet.Status.REJECTED) {
          String diags =
              shell
                  .diagnostics(e.snippet())
                  .map(d -> d.getMessage(Locale.ROOT))
                  .collect(Collectors.joining("; "));
          fail("snippet rejected: " + unit + " -> " + diags);
        }
        if (e.causeSnippet() == null) {
          all.add(e);
        }
      }
    }
    assertFalse(all.isEmpty(), "no snippet in: " + code);
    return all;
  }

  /** Splits source into complete snippets, as JShell itself would. */
  private static List<String> units(JShell shell, String code) {
    List<String> out = new ArrayList<>();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      out.add(info.source() == null ? rest : info.source());
      rest = info.remaining();
    }
    return out;
  }

  private static List<String> startupSnippets(String file) {
    List<String> out = new ArrayList<>();
    for (String line : file.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("//")) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<Step> readmeSession(String readme) {
    int start = readme.indexOf("<!-- jshell-session:start -->");
    int end = readme.indexOf("<!-- jshell-session:end -->");
    assertTrue(start >= 0 && end > start, "README has no jshell-session markers");
    List<Step> out = new ArrayList<>();
    String input = null;
    List<String> output = new ArrayList<>();
    for (String line : readme.substring(start, end).split("\\R")) {
      if (line.startsWith("jshell> ")) {
        if (input != null) {
          out.add(new Step(input, output));
        }
        input = line.substring("jshell> ".length());
        output = new ArrayList<>();
      } else if (input != null && !line.startsWith("```")) {
        output.add(line);
      }
    }
    if (input != null) {
      out.add(new Step(input, output));
    }
    return out;
  }
}
