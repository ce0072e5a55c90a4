package org.cx4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cx4j.core.testing.ModulePathConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application ({@code module org.cx4j.consumer { requires org.cx4j.metrics; }}, in {@code
 * src/it/consumer}) compiles and runs against the packaged cx-metrics jar on the module path, with
 * only cx-metrics' published runtime dependencies beside it (no Hipparchus).
 *
 * <p>Runs at {@code integration-test} in {@code ./mvnw verify} (see {@link ModulePathConsumer}). It
 * fails if {@code module-info} requires a module that is not published (the module graph does not
 * resolve), if a used package is not exported (javac fails), or if the relocated Hipparchus is
 * missing from the jar (the fit fails with {@code NoClassDefFoundError}).
 */
class ModulePathConsumerIT {

  @Test
  void modularApplicationCompilesAndRunsOnTheModulePath(@TempDir Path tmp) throws Exception {
    String output =
        ModulePathConsumer.compileAndRun(tmp, "org.cx4j.consumer/org.cx4j.consumer.Main");
    // Published estimates (Fader & Hardie 2007, high end): alpha = 0.668, beta = 3.806.
    assertEquals("alpha=0.668 beta=3.806 module=org.cx4j.metrics", output);
  }
}
