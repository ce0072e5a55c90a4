package org.cx4j.core.testing;

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

/**
 * Compiles and runs a modular application (the sources in {@code src/it/consumer} of the module
 * under test) against the module's packaged jar on the module path, with only its published runtime
 * dependencies beside it: what a user of the module with a {@code module-info} gets.
 *
 * <p>The parent POM's {@code module-path-consumer} profile (active where {@code
 * src/it/consumer/module-info.java} exists) runs the module's {@code *IT} tests at {@code
 * integration-test}, after the shade plugin has built the jar, and sets the system properties read
 * here: {@code cx4j.consumer.jar}, {@code cx4j.consumer.modulepath} (the runtime dependencies,
 * without the shaded Hipparchus and EJML) and {@code cx4j.consumer.sources}.
 */
public final class ModulePathConsumer {
  private ModulePathConsumer() {}

  /**
   * Compiles the consumer sources with {@code javac --module-path}, runs {@code java --module-path
   * ... --module moduleAndMainClass} and returns what it printed, stripped.
   *
   * @throws AssertionError if a property is missing, the packaged jar is absent, the module path
   *     names Hipparchus or EJML, javac fails, or the program exits with a non-zero status
   */
  public static String compileAndRun(Path tmp, String moduleAndMainClass)
      throws IOException, InterruptedException {
    Path jar = Paths.get(property("cx4j.consumer.jar"));
    Path sources = Paths.get(property("cx4j.consumer.sources"));
    String dependencies = property("cx4j.consumer.modulepath");
    check(Files.isRegularFile(jar), "packaged jar " + jar + " is missing");
    check(
        !dependencies.contains("hipparchus") && !dependencies.contains("ejml"),
        "Hipparchus and EJML must not be published dependencies: " + dependencies);
    String modulePath = jar + File.pathSeparator + dependencies;

    Path classes = tmp.resolve("classes");
    List<String> javac =
        new ArrayList<>(List.of("--module-path", modulePath, "-d", classes.toString()));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> javac.add(p.toString()));
    }
    StringWriter compilerOutput = new StringWriter();
    PrintWriter writer = new PrintWriter(compilerOutput);
    ToolProvider javacTool = ToolProvider.findFirst("javac").orElseThrow();
    int compiled = javacTool.run(writer, writer, javac.toArray(String[]::new));
    writer.flush();
    check(compiled == 0, "javac " + javac + " failed:\n" + compilerOutput);

    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "--module-path",
                classes + File.pathSeparator + modulePath,
                "--module",
                moduleAndMainClass)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    check(process.waitFor(2, TimeUnit.MINUTES), "the consumer did not finish: " + output);
    check(process.exitValue() == 0, "the consumer failed:\n" + output);
    return output.strip();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    check(value != null && !value.isBlank(), "system property " + name + " is not set");
    return value;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
