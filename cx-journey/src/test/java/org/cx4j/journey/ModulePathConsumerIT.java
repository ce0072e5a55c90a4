package org.cx4j.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cx4j.core.testing.ModulePathConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application ({@code module org.cx4j.consumer { requires org.cx4j.journey; }}, in {@code
 * src/it/consumer}) compiles and runs against the packaged cx-journey jar on the module path, with
 * only the published runtime dependencies beside it (no Hipparchus, no EJML). It solves a Markov
 * chain with dense LU (the relocated Hipparchus) and sparse LU (the relocated EJML). Runs at {@code
 * integration-test} in {@code ./mvnw verify} (see {@link ModulePathConsumer}).
 */
class ModulePathConsumerIT {

  @Test
  void modularApplicationCompilesAndRunsOnTheModulePath(@TempDir Path tmp) throws Exception {
    String output =
        ModulePathConsumer.compileAndRun(tmp, "org.cx4j.consumer/org.cx4j.consumer.Main");
    // By hand: P(conversion) = P(a -> b) * P(b -> conversion) = 1/2 * 1 = 0.5; removing either
    // channel leaves no way to convert, so each removal effect is (0.5 - 0) / 0.5 = 1.
    assertEquals("dense=0.5000 sparse=0.5000 a=1.0000 b=1.0000 module=org.cx4j.journey", output);
  }
}
