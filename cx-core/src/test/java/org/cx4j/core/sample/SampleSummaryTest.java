package org.cx4j.core.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SampleSummaryTest {

  @Test
  void summaryNamesEveryPart() {
    SampleData data = SampleData.generate(11, 300);
    String s = SampleSummary.summarize(data);
    for (String expected :
        new String[] {
          "Larkspur Home sample data: seed 11, 2025-01-01 .. 2025-12-31",
          "Customers: 300",
          "business",
          "members",
          "new_consumers",
          "established_consumers",
          "Touchpoints: 21",
          "Interactions: " + data.interactions().size(),
          "awareness",
          "advocacy",
          "social",
          "Survey responses: " + data.responses().size(),
          "nps",
          "csat",
          "ces",
          "Transactions: " + data.transactions().size()
        }) {
      assertTrue(s.contains(expected), "missing '" + expected + "' in\n" + s);
    }
    assertTrue(s.lines().count() < 50, "short: " + s.lines().count() + " lines");
  }

  @Test
  void mainPrintsTheSummaryOfTheGivenSeed() {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      SampleSummary.main(new String[] {"5", "200"});
    } finally {
      System.setOut(saved);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(printed.equals(SampleSummary.summarize(SampleData.generate(5, 200))), printed);
  }
}
