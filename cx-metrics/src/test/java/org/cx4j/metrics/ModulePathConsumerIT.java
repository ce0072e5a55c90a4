package org.cx4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application ({@code module org.cx4j.consumer { requires org.cx4j.metrics; }}, in
 * {@code src/it/consumer}) compiles and runs against the packaged cx-metrics jar on the module
 * path, with only cx-metrics' published runtime dependencies beside it (Hipparchus excluded).
 *
 * <p>Runs at {@code integration-test} (after the shade plugin has built the jar) in {@code
 * ./mvnw verify}. It fails if {@code module-info} requires a module that is not published (the
 * module graph does not resolve), if a used package is not exported (javac fails), or if the
 * relocated Hipparchus is missing from the jar (the fit fails with {@code NoClassDefFoundError}).
 */
class ModulePathConsumerIT {

  @Test
  void modularApplicationCompilesAndRunsOnTheModulePath(@TempDir Path tmp)
      throws IOException, InterruptedException {
    Path jar = Paths.get(property("cx4j.consumer.jar"));
    Path sources = Paths.get(property("cx4j.consumer.sources"));
    String dependencies = property("cx4j.consumer.modulepath");
    assertTrue(Files.isRegularFile(jar), "packaged jar " + jar);
    assertTrue(
        !dependencies.contains("hipparchus"),
        "Hipparchus must not be a published dependency: " + dependencies);
    String modulePath = jar + File.pathSeparator + dependencies;

    Path classes = tmp.resolve("classes");
    List<String> javac = new ArrayList<>(List.of("--module-path", modulePath, "-d", classes.toString()));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> javac.add(p.toString()));
    }
    StringWriter compilerOutput = new StringWriter();
    PrintWriter writer = new PrintWriter(compilerOutput);
    int compiled =
        ToolProvider.findFirst("javac")
            .orElseThrow()
            .run(writer, writer, javac.toArray(String[]::new));
    writer.flush();
    assertEquals(0, compiled, "javac " + javac + "\n" + compilerOutput);

    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "--module-path",
                classes + File.pathSeparator + modulePath,
                "--module",
                "org.cx4j.consumer/org.cx4j.consumer.Main")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "consumer did not finish: " + output);
    assertEquals(0, process.exitValue(), output);
    // Published estimates (Fader & Hardie 2007, high end): alpha = 0.668, beta = 3.806.
    assertEquals("alpha=0.668 beta=3.806 module=org.cx4j.metrics", output.strip());
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertTrue(value != null && !value.isBlank(), "system property " + name + " is not set");
    return value;
  }
}
