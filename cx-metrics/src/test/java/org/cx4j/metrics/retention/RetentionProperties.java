package org.cx4j.metrics.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cx4j.metrics.activity.ActivityLog;

/**
 * Cohort tables and lifecycle counts against a brute-force oracle built from sets of {@link
 * LocalDate}s (each timestamp converted with {@code java.time}, no period arithmetic shared with
 * the code under test), in zones with DST, for all three period units.
 */
class RetentionProperties {

  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Asia/Kolkata"));

  record Case(ActivityLog log, PeriodUnit unit, ZoneId zone, int[] segments, long seed) {}

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 200),
            Arbitraries.integers().between(1, 25),
            Arbitraries.of(PeriodUnit.values()),
            Arbitraries.of(ZONES),
            Arbitraries.longs())
        .as(
            (rows, customers, unit, zone, seed) -> {
              Random r = new Random(seed);
              long start = Instant.parse("2023-12-20T00:00:00Z").toEpochMilli();
              long span =
                  (unit == PeriodUnit.MONTH ? 400L : unit == PeriodUnit.ISO_WEEK ? 120 : 40)
                      * 86_400_000L;
              int[] c = new int[rows];
              long[] t = new long[rows];
              for (int i = 0; i < rows; i++) {
                c[i] = r.nextInt(customers);
                t[i] = start + (long) (r.nextDouble() * span);
              }
              int[] seg = new int[customers];
              for (int k = 0; k < customers; k++) {
                seg[k] = r.nextInt(3);
              }
              return new Case(ActivityLog.of(c, t), unit, zone, seg, seed);
            });
  }

  static LocalDate periodOf(long epochMilli, PeriodUnit unit, ZoneId zone) {
    LocalDate d = Instant.ofEpochMilli(epochMilli).atZone(zone).toLocalDate();
    return switch (unit) {
      case DAY -> d;
      case ISO_WEEK -> d.minusDays(d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
      case MONTH -> LocalDate.of(d.getYear(), d.getMonth(), 1);
    };
  }

  static LocalDate next(LocalDate d, PeriodUnit unit) {
    return switch (unit) {
      case DAY -> d.plusDays(1);
      case ISO_WEEK -> d.plusWeeks(1);
      case MONTH -> d.plusMonths(1);
    };
  }

  /** Oracle: for the customers selected, cohort start -> kind -> counts per offset. */
  static Map<LocalDate, int[][]> oracle(Case cs, int segment) {
    ActivityLog log = cs.log();
    Map<Integer, TreeSet<LocalDate>> active = new HashMap<>();
    LocalDate globalLast = null;
    for (int i = 0; i < log.size(); i++) {
      LocalDate p = periodOf(log.epochMilli(i), cs.unit(), cs.zone());
      globalLast = globalLast == null || p.isAfter(globalLast) ? p : globalLast;
      if (segment < 0 || cs.segments()[log.customer(i)] == segment) {
        active.computeIfAbsent(log.customer(i), k -> new TreeSet<>()).add(p);
      }
    }
    Map<LocalDate, int[][]> out = new TreeMap<>();
    for (TreeSet<LocalDate> periods : active.values()) {
      LocalDate first = periods.first();
      List<LocalDate> offsets = new ArrayList<>();
      for (LocalDate d = first; !d.isAfter(globalLast); d = next(d, cs.unit())) {
        offsets.add(d);
      }
      int[][] counts = out.computeIfAbsent(first, f -> new int[3][offsets.size()]);
      for (int k = 0; k < offsets.size(); k++) {
        if (periods.contains(offsets.get(k))) {
          counts[0][k]++;
        }
        if (!periods.tailSet(offsets.get(k), true).isEmpty()) {
          counts[1][k]++;
        }
        boolean back = k == 0;
        for (int j = 1; j <= k && !back; j++) {
          back = periods.contains(offsets.get(j));
        }
        if (back) {
          counts[2][k]++;
        }
      }
    }
    return out;
  }

  static void assertTable(Map<LocalDate, int[][]> expected, CohortRetention t) {
    assertEquals(expected.size(), t.cohorts(), "cohorts");
    int c = 0;
    for (Map.Entry<LocalDate, int[][]> e : expected.entrySet()) {
      assertEquals(e.getKey(), t.cohortStart(c));
      int[][] counts = e.getValue();
      assertEquals(counts[0].length, t.periods(c), "offsets of " + e.getKey());
      for (RetentionKind kind : RetentionKind.values()) {
        for (int k = 0; k < counts[0].length; k++) {
          assertEquals(
              counts[kind.ordinal()][k], t.count(kind, c, k), kind + " " + e.getKey() + " k=" + k);
        }
      }
      c++;
    }
  }

  @Property(tries = 300, seed = "42")
  void cohortTableMatchesOracle(@ForAll("cases") Case cs) {
    assertTable(oracle(cs, -1), CohortRetention.of(cs.log(), cs.unit(), cs.zone()));
  }

  @Property(tries = 200, seed = "42")
  void sortingPathEqualsBitmapPath(@ForAll("cases") Case cs) {
    CohortRetention bitmap =
        CohortRetention.compute(cs.log(), cs.unit(), cs.zone(), null, Long.MAX_VALUE).get(0);
    CohortRetention sorting =
        CohortRetention.compute(cs.log(), cs.unit(), cs.zone(), null, 0).get(0);
    assertTable(oracle(cs, -1), bitmap);
    assertTable(oracle(cs, -1), sorting);
  }

  @Property(tries = 200, seed = "42")
  void segmentTablesMatchOracle(@ForAll("cases") Case cs) {
    Map<Integer, CohortRetention> bySeg =
        CohortRetention.bySegment(cs.log(), cs.unit(), cs.zone(), cs.segments());
    Set<Integer> present = new HashSet<>();
    for (int i = 0; i < cs.log().size(); i++) {
      present.add(cs.segments()[cs.log().customer(i)]);
    }
    assertEquals(present, bySeg.keySet());
    for (int s : present) {
      assertTable(oracle(cs, s), bySeg.get(s));
    }
  }

  /**
   * Tables of the customers of each segment, observed to the end of the whole log, written, read
   * back and added with plus(), in any order, equal the oracle of all customers.
   */
  @Property(tries = 200, seed = "42")
  void partsObservedToOneEndAddUpToTheWhole(@ForAll("cases") Case cs) throws Exception {
    ActivityLog log = cs.log();
    long end = Long.MIN_VALUE;
    for (int i = 0; i < log.size(); i++) {
      end = Math.max(end, log.epochMilli(i));
    }
    Instant observationEnd = log.size() == 0 ? Instant.EPOCH : Instant.ofEpochMilli(end);
    CohortRetention sum =
        CohortRetention.of(
            ActivityLog.of(new int[0], new long[0]), cs.unit(), cs.zone(), observationEnd);
    for (int seg = 2; seg >= 0; seg--) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < log.size(); i++) {
        if (cs.segments()[log.customer(i)] == seg) {
          rows.add(i);
        }
      }
      int[] c = new int[rows.size()];
      long[] t = new long[rows.size()];
      for (int k = 0; k < c.length; k++) {
        c[k] = log.customer(rows.get(k));
        t[k] = log.epochMilli(rows.get(k));
      }
      CohortRetention part =
          CohortRetention.of(ActivityLog.of(c, t), cs.unit(), cs.zone(), observationEnd);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      part.writeTo(new java.io.DataOutputStream(bytes));
      CohortRetention back =
          CohortRetention.readFrom(
              new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
      assertTable(oracle(cs, seg), back);
      sum = seg % 2 == 0 ? sum.plus(back) : back.plus(sum);
    }
    assertTable(oracle(cs, -1), sum);
  }

  @Property(tries = 50, seed = "42")
  void tablesObservedToDifferentEndsAreNotAdded(@ForAll("cases") Case cs) {
    if (cs.log().size() == 0) {
      return;
    }
    CohortRetention t = CohortRetention.of(cs.log(), cs.unit(), cs.zone());
    Instant later = Instant.parse("2030-01-01T00:00:00Z");
    CohortRetention u = CohortRetention.of(cs.log(), cs.unit(), cs.zone(), later);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> t.plus(u));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("different ends"));
  }

  /** Lifecycle identities and the oracle for new / returning / resurrecting / dormant. */
  @Property(tries = 300, seed = "42")
  void lifecycleMatchesOracle(@ForAll("cases") Case cs) {
    Lifecycle life = Lifecycle.of(cs.log(), cs.unit(), cs.zone());
    ActivityLog log = cs.log();
    if (log.size() == 0) {
      assertEquals(0, life.periods());
      return;
    }
    Map<Integer, TreeSet<LocalDate>> active = new HashMap<>();
    TreeSet<LocalDate> all = new TreeSet<>();
    for (int i = 0; i < log.size(); i++) {
      LocalDate p = periodOf(log.epochMilli(i), cs.unit(), cs.zone());
      all.add(p);
      active.computeIfAbsent(log.customer(i), k -> new TreeSet<>()).add(p);
    }
    LocalDate prev = null;
    int p = 0;
    for (LocalDate d = all.first(); !d.isAfter(all.last()); d = next(d, cs.unit())) {
      long nw = 0;
      long ret = 0;
      long res = 0;
      long dor = 0;
      for (TreeSet<LocalDate> s : active.values()) {
        boolean now = s.contains(d);
        boolean before = prev != null && s.contains(prev);
        boolean earlier = !s.headSet(d, false).isEmpty();
        if (now && !earlier) {
          nw++;
        } else if (now && before) {
          ret++;
        } else if (now) {
          res++;
        } else if (before) {
          dor++;
        }
      }
      assertEquals(d, life.periodStart(p));
      assertEquals(nw, life.newCustomers(p), "new " + d);
      assertEquals(ret, life.returning(p), "returning " + d);
      assertEquals(res, life.resurrecting(p), "resurrecting " + d);
      assertEquals(dor, life.dormant(p), "dormant " + d);
      if (p > 0) {
        assertEquals(life.active(p - 1), life.returning(p) + life.dormant(p));
        CustomerRetentionRate crr = life.retentionRate(p);
        if (crr.start() > 0) {
          assertEquals((double) life.returning(p) / life.active(p - 1), crr.rate().getAsDouble());
        }
      }
      prev = d;
      p++;
    }
    assertEquals(p, life.periods());
  }
}
