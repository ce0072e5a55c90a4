package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rake margins.csv}: survey weights raked to population margins before scoring.
 *
 * <p>Hand derivation (one variable, so raking is post-stratification and converges in one sweep):
 * customers C1, C2 on plan A answer 10 and 10; C3, C4 on plan B answer 0 and 9. With margins A
 * 0.25, B 0.75 each A respondent weighs 0.25 / 2 = 0.125 and each B respondent 0.75 / 2 = 0.375.
 * Promoters C1, C2, C4 weigh 0.625 and the detractor C3 0.375 of a total 1, so NPS = 100 x (0.625 -
 * 0.375) = 25.0 (unweighted: 100 x (3 - 1) / 4 = 50.0). Kish's design effect n Σw² / (Σw)² = 4 x (2
 * x 0.125² + 2 x 0.375²) = 1.25.
 */
class RakeOptionTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private String[] args(Path margins) throws IOException {
    Path customers = write("customers.csv", "customer_id,plan\nC1,A\nC2,A\nC3,B\nC4,B\n");
    Path survey =
        write(
            "survey.csv",
            "customer_id,instrument,score,timestamp\n"
                + "C1,nps,10,2025-01-06T09:00:00Z\nC2,nps,10,2025-01-06T09:00:00Z\n"
                + "C3,nps,0,2025-01-06T09:00:00Z\nC4,nps,9,2025-01-06T09:00:00Z\n");
    return new String[] {
      "--customers",
      customers.toString(),
      "--responses",
      survey.toString(),
      "--rake",
      margins.toString(),
      "--no-files"
    };
  }

  @Test
  void rakedWeightsChangeTheScoreAsDerivedByHand() throws IOException {
    CxReportCommandTest.Run plain =
        CxReportCommandTest.run(
            args(write("none.csv", "variable,category,target\nplan,A,2\nplan,B,2\n")));
    assertEquals(ExitCodes.OK, plain.code(), plain.err());
    // margins equal to the sample's own shares leave NPS at 50
    assertTrue(plain.out().contains("NPS     50.0"), plain.out());

    CxReportCommandTest.Run r =
        CxReportCommandTest.run(
            args(write("margins.csv", "variable,category,target\nplan,A,0.25\nplan,B,0.75\n")));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("NPS     25.0"), r.out());
    assertTrue(
        r.out().contains("raked to margins.csv (plan) in 1 sweep: design effect 1.25"), r.out());
  }

  @Test
  void badMarginsAreInputErrorsThatNameTheProblem() throws IOException {
    CxReportCommandTest.Run missing =
        CxReportCommandTest.run(
            args(write("m1.csv", "variable,category,target\nplan,A,0.25\nplan,C,0.75\n")));
    assertEquals(ExitCodes.INPUT, missing.code(), missing.err());
    assertTrue(missing.err().contains("plan"), missing.err());
    CxReportCommandTest.Run notNumber =
        CxReportCommandTest.run(
            args(write("m2.csv", "variable,category,target\nplan,A,a lot\nplan,B,0.75\n")));
    assertEquals(ExitCodes.INPUT, notNumber.code(), notNumber.err());
    assertTrue(notNumber.err().contains("m2.csv:2: target 'a lot'"), notNumber.err());
    CxReportCommandTest.Run totals =
        CxReportCommandTest.run(
            args(
                write("m3.csv", "variable,category,target\nplan,A,1\nplan,B,1\nregion,north,5\n")));
    assertEquals(ExitCodes.INPUT, totals.code(), totals.err());
  }
}
