package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.cx4j.core.testing.SharedDatasets;
import org.cx4j.metrics.clv.GammaGammaModel;
import org.cx4j.report.input.DataKind;
import org.cx4j.report.input.InputLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer that a lifetime value model cannot use leaves that model only: a repeat buyer whose
 * repeat purchases sum to $0 leaves the Gamma-Gamma fit, is listed by id, and everyone else still
 * gets a lifetime value.
 */
class ClvExclusionTest {

  private static final double TOLERANCE = 1e-6;

  @TempDir Path dir;

  /**
   * 60 customers C01..C60, a fixed arithmetic recipe with no randomness: the first purchase in the
   * first 60 days of 2024, then {@code c % 5} repeat purchases {@code 5 + (11 c) % 20} days apart
   * (every seventh customer 60 days apart, so some stay active through the year), amounts at
   * quantiles of the Gamma-Gamma model; optionally plus ZERO: $20, then $0.
   */
  private Path transactions(String name, boolean withZero) throws IOException {
    List<String> lines = new ArrayList<>(List.of("customer_id,timestamp,amount"));
    for (int c = 1; c <= 60; c++) {
      int purchases = 1 + c % 5;
      int gap = c % 7 == 0 ? 60 : 5 + (c * 11) % 20;
      java.time.LocalDate first = java.time.LocalDate.ofYearDay(2024, 1 + (c * 13) % 60);
      for (int k = 0; k < purchases; k++) {
        // The Gamma-Gamma model's own shape at fixed quantiles: nu ~ Gamma(q = 4, rate 40),
        // spend ~ Gamma(p = 6, rate nu), so that the fit has something to find.
        double nu = GammaDistribution.of(4, 1.0 / 40).inverseCumulativeProbability((c - 0.5) / 60);
        double amount =
            GammaDistribution.of(6, 1 / nu)
                .inverseCumulativeProbability((0.5 + k * 0.37 + c * 0.11) % 1);
        lines.add(
            String.format(
                java.util.Locale.ROOT,
                "C%02d,%sT12:00:00Z,%.2f",
                c,
                first.plusDays((long) k * gap),
                amount));
      }
    }
    if (withZero) {
      lines.add("ZERO,2024-02-01T12:00:00Z,20.00");
      lines.add("ZERO,2024-03-01T12:00:00Z,0.00");
    }
    Path p = dir.resolve(name);
    Files.write(p, lines);
    return p;
  }

  private static CxReport report(Path transactions) {
    return CxReport.of(
        InputLoader.builder()
            .file(DataKind.TRANSACTIONS, transactions)
            .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
            .build()
            .load());
  }

  @Test
  void aZeroSpendRepeatBuyerLeavesTheSpendModelOnly() throws IOException {
    CxReport with = report(transactions("with.csv", true));
    CxReport without = report(transactions("without.csv", false));
    ValueSection v = with.value().orElseThrow(() -> new AssertionError(with.notes()));
    ValueSection w = without.value().orElseThrow();
    assertEquals(
        List.of(
            new ValueSection.Excluded(
                "ZERO", ValueSection.NO_SPEND_MODEL, "1 repeat purchase summing to 0")),
        v.excluded());
    // Everyone else still has a lifetime value: the 60 C customers.
    assertEquals(60, v.customers());
    // The spend model is fitted without ZERO: the same as on the file without ZERO at all.
    double[] a = v.spend().parameters();
    double[] b = w.spend().parameters();
    for (int i = 0; i < a.length; i++) {
      assertEquals(b[i], a[i], TOLERANCE * Math.abs(b[i]), "Gamma-Gamma parameter " + i);
    }
    // The purchase model keeps ZERO (61 customers rather than 60).
    assertTrue(!v.purchases().equals(w.purchases()), "BG/NBD is fitted with ZERO");
    assertTrue(
        with.notes().stream().noneMatch(n -> n.contains("could not be estimated")),
        with.notes().toString());
  }

  @Test
  void theSpendModelNamesCustomersNotRows() {
    String m =
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () ->
                    GammaGammaModel.fit(
                        new int[] {1, 2, 1},
                        new double[] {3, 0, 4},
                        i -> "customer " + List.of("A", "B", "C").get(i)))
            .getMessage();
    assertTrue(m.contains("customer B"), m);
    assertTrue(
        !GammaGammaModel.hasSpendModel(2, 0)
            && GammaGammaModel.hasSpendModel(1, 0.01)
            && !GammaGammaModel.hasSpendModel(0, 5),
        "x >= 1 and zbar > 0");
  }

  /**
   * CDNOW: the repeat buyers whose repeat purchases sum to 0, found here by plain line splitting
   * (purchases on the same day merged, the first day not counted, as in BTYD summaries), are
   * exactly the excluded ones; all other 23,570 - n customers have a lifetime value.
   */
  @Test
  void cdnowKeepsItsLifetimeValueSection() throws IOException {
    Path f = SharedDatasets.require("cdnow/CDNOW_master.txt");
    Map<String, TreeMap<String, Double>> byDay = new HashMap<>();
    List<String> lines = Files.readAllLines(f);
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.trim().split("\\s+");
      byDay
          .computeIfAbsent(v[0], k -> new TreeMap<>())
          .merge(v[1], Double.parseDouble(v[3]), Double::sum);
    }
    Set<String> zero = new TreeSet<>();
    for (var e : byDay.entrySet()) {
      TreeMap<String, Double> days = e.getValue();
      double repeat =
          days.values().stream().mapToDouble(Double::doubleValue).sum()
              - days.firstEntry().getValue();
      if (days.size() > 1 && repeat == 0) {
        zero.add(e.getKey());
      }
    }
    CxReport r =
        CxReport.of(
            InputLoader.builder()
                .file(DataKind.TRANSACTIONS, f)
                .column(DataKind.TRANSACTIONS, "timestamp", "date:yyyyMMdd")
                .column(DataKind.TRANSACTIONS, "amount", "dollar_value")
                .build()
                .load());
    ValueSection v = r.value().orElseThrow(() -> new AssertionError(r.notes()));
    assertEquals(
        zero,
        v.excluded().stream()
            .map(ValueSection.Excluded::customerId)
            .collect(Collectors.toCollection(TreeSet::new)));
    assertTrue(!zero.isEmpty(), "CDNOW has a zero-spend repeat buyer");
    assertEquals(23_570 - zero.size(), v.customers());
  }
}
