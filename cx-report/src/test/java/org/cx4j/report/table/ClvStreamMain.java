package org.cx4j.report.table;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cx4j.report.analysis.ClvFixtures;
import org.cx4j.report.analysis.CustomerValues;

/**
 * Streams {@code args[0]} synthetic customers ({@link ClvFixtures#synthetic}) to the CSV file
 * {@code args[1]} with {@link ClvTables#customers}; run in a JVM with a small heap by {@code
 * ClvStreamTest}. Prints the rows written and the maximum heap in MB.
 */
public final class ClvStreamMain {

  private ClvStreamMain() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    CustomerValues c = ClvFixtures.synthetic(n);
    long rows;
    try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      rows = ClvTables.customers(c, i -> true, w);
    }
    System.out.println(rows + " " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
