package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config whose segment rules nest deep enough to overflow the stack is a clear input error (exit
 * 3) naming the config file and the limit, never a StackOverflowError.
 */
class ConfigNestingTest {

  @TempDir Path dir;

  private static final String LEAF =
      "{\"type\":\"equals\",\"attribute\":\"plan\",\"value\":\"pro\"}";

  /** A config with {@code levels} rules of {@code kind} nested around one leaf. */
  private Path config(String name, int levels, String kind) throws IOException {
    String open =
        kind.equals("and") ? "{\"type\":\"and\",\"rules\":[" : "{\"type\":\"not\",\"rule\":";
    String close = kind.equals("and") ? "]}" : "}";
    String rule = open.repeat(levels) + LEAF + close.repeat(levels);
    Path p = dir.resolve(name);
    Files.writeString(
        p,
        "{\"segmentation\":{\"segments\":[{\"name\":\"deep\",\"rule\":"
            + rule
            + "}],\"fallback\":\"other\"}}");
    return p;
  }

  private static String[] args(Path config) {
    return new String[] {"--config", config.toString(), "--no-files", "-q"};
  }

  private static int run(StringWriter err, String... args) {
    return CxReportCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
  }

  @Test
  void aHundredThousandLevelsAreAnInputErrorNamingTheFileAndTheLimit() throws IOException {
    for (String kind : new String[] {"and", "not"}) {
      Path p = config("deep-" + kind + ".json", 100_000, kind);
      StringWriter err = new StringWriter();
      int code = run(err, args(p));
      assertEquals(ExitCodes.INPUT, code, err.toString());
      assertTrue(err.toString().contains("deep-" + kind + ".json"), err.toString());
      assertTrue(err.toString().contains("200 levels"), err.toString());
      assertTrue(err.toString().contains("at most 64"), err.toString());
      assertFalse(err.toString().contains("StackOverflow"), err.toString());
    }
  }

  @Test
  void rulesJustOverTheRuleLimitNameIt() throws IOException {
    // 64 'not's around a leaf: 65 deep, within the JSON limit, over the rule limit.
    Path p = config("sixty-five.json", 64, "not");
    StringWriter err = new StringWriter();
    assertEquals(ExitCodes.INPUT, run(err, args(p)), err.toString());
    assertTrue(err.toString().contains("sixty-five.json"), err.toString());
    assertTrue(err.toString().contains("at most 64 levels"), err.toString());
  }

  @Test
  void rulesAtTheLimitAreRead() throws IOException {
    for (String kind : new String[] {"and", "not"}) {
      Path p = config("sixty-four-" + kind + ".json", 63, kind);
      StringWriter err = new StringWriter();
      assertEquals(ExitCodes.OK, run(err, args(p)), err.toString());
    }
  }
}
