package org.cx4j.metrics.retention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The versioned state of {@link CohortRetention} ({@code writeTo} / {@code readFrom}): the
 * committed version-1 fixture {@code cohort-retention-v1.bin} was written byte by byte from the
 * layout documented on {@code writeTo}, not by the code: version 1; "MONTH"; "UTC"; one cohort
 * starting 2024-01-01 (epoch day 54 * 365 + 13 leap days = 19723) of 4 customers over 3 periods;
 * classic counts 4, 2, 1; rolling 4, 3, 1; cumulative 4, 3, 3: 1 + (2 + 5) + (2 + 3) + 4 + 8 + 4 +
 * 4 + 9 * 4 = 69 bytes.
 */
class CohortRetentionSerDeTest {

  private static byte[] fixture() throws IOException {
    try (InputStream s =
        CohortRetentionSerDeTest.class.getResourceAsStream("cohort-retention-v1.bin")) {
      return s.readAllBytes();
    }
  }

  private static CohortRetention read(byte[] b) throws IOException {
    return CohortRetention.readFrom(new DataInputStream(new ByteArrayInputStream(b)));
  }

  @Test
  void version1FixtureDecodesAndRoundTripsByteForByte() throws IOException {
    byte[] v1 = fixture();
    assertEquals(69, v1.length);
    CohortRetention t = read(v1);
    assertEquals(PeriodUnit.MONTH, t.unit());
    assertEquals(ZoneOffset.UTC, t.zone().normalized());
    assertEquals(1, t.cohorts());
    assertEquals(LocalDate.of(2024, 1, 1), t.cohortStart(0));
    assertEquals(4, t.cohortSize(0));
    assertEquals(3, t.periods(0));
    assertEquals(2, t.count(RetentionKind.CLASSIC, 0, 1));
    assertEquals(3, t.count(RetentionKind.ROLLING, 0, 1));
    assertEquals(3, t.count(RetentionKind.CUMULATIVE, 0, 2));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    t.writeTo(new DataOutputStream(again));
    assertArrayEquals(v1, again.toByteArray());
  }

  @Test
  void anotherVersionIsRefusedByName() throws IOException {
    byte[] b = fixture();
    b[0] = 2;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(b));
    assertTrue(e.getMessage().contains("format version 2"), e.getMessage());
  }
}
