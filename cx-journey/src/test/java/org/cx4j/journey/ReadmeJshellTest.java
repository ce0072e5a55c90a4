package org.cx4j.journey;

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
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Runs the JShell startup file and every {@code jshell>} line of the README's session through the
 * JShell API, on this module's test class path (which holds every cx4j module), so that the
 * documented session keeps working.
 */
class ReadmeJshellTest {

  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void startupFileAndReadmeSessionRun() throws IOException {
    List<String> snippets = new ArrayList<>();
    snippets.addAll(startupSnippets(Files.readString(ROOT.resolve("jshell/startup.jsh"))));
    List<String> session = readmeSession(Files.readString(ROOT.resolve("README.md")));
    assertTrue(session.size() >= 10, "README session has " + session.size() + " lines");
    snippets.addAll(session);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JShell shell =
        JShell.builder()
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .executionEngine("local")
            .build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      List<String> values = new ArrayList<>();
      for (String code : snippets) {
        for (String unit : units(shell, code)) {
          for (SnippetEvent e : shell.eval(unit)) {
            if (e.exception() != null) {
              fail("snippet threw " + e.exception() + ": " + unit);
            }
            if (e.status() == Snippet.Status.REJECTED) {
              String diags =
                  shell.diagnostics(e.snippet())
                      .map(d -> d.getMessage(java.util.Locale.ROOT))
                      .collect(Collectors.joining("; "));
              fail("snippet rejected: " + unit + " -> " + diags);
            }
            if (e.value() != null && session.contains(code)) {
              values.add(e.value());
            }
          }
        }
      }
      // Every expression's toString() reads as text, not as ClassName@hash.
      for (String v : values) {
        assertFalse(v.matches("(?s).*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*@[0-9a-f]+.*"), v);
      }
      assertTrue(values.stream().anyMatch(v -> v.contains("Larkspur Home")), values.toString());
    }
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

  private static List<String> readmeSession(String readme) {
    int start = readme.indexOf("<!-- jshell-session:start -->");
    int end = readme.indexOf("<!-- jshell-session:end -->");
    assertTrue(start >= 0 && end > start, "README has no jshell-session markers");
    List<String> out = new ArrayList<>();
    for (String line : readme.substring(start, end).split("\\R")) {
      if (line.startsWith("jshell> ")) {
        out.add(line.substring("jshell> ".length()));
      }
    }
    return out;
  }

  @SuppressWarnings("unused")
  private static String describe(Diag d) {
    return d.getMessage(java.util.Locale.ROOT);
  }
}
