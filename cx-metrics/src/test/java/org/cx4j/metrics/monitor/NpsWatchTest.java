package org.cx4j.metrics.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class NpsWatchTest {

  @Test
  void theReadmeServiceFindsTheCheckoutDropOnly() {
    PrintStream out = System.out;
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    System.setOut(new PrintStream(b, true));
    try {
      NpsWatch.main(new String[0]);
    } finally {
      System.setOut(out);
    }
    String s = b.toString();
    // Day 10 (2026-11-12) compared with day 3: 480 answers each, NPS 20 -> 0.
    assertTrue(s.startsWith("ALERT checkout NPS down: "), s);
    assertTrue(s.contains("2026-11-12T00:00:00Z"), s);
    assertTrue(s.trim().endsWith("1 alert(s), 0 late answer(s)"), s);
    assertEquals(2, s.lines().count());
  }
}
