package org.cx4j.journey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link StringCodeTable} against the obvious oracle, a {@code HashMap} that gives each new key the
 * next code: same code for every lookup, same keys in code order, -1 for absent keys.
 */
class StringCodeTableProperties {

  @Provide
  Arbitrary<List<String>> keys() {
    // Few distinct values, so keys repeat; lengths 0..3 over a small alphabet with non-Latin-1
    // characters, so prefixes, the empty string and UTF-16 strings all occur.
    return Arbitraries.strings()
        .withChars("ab\u00e9\u00ff\u4e2d\ud800")
        .ofMaxLength(3)
        .list()
        .ofMaxSize(300);
  }

  @Property(tries = 2000, seed = "42")
  void codesEqualFirstSightOrder(@ForAll("keys") List<String> keys) {
    StringCodeTable table = new StringCodeTable();
    Map<String, Integer> oracle = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (String k : keys) {
      Integer want =
          oracle.computeIfAbsent(
              k,
              x -> {
                order.add(x);
                return order.size() - 1;
              });
      assertEquals(want.intValue(), table.code(new String(k))); // a fresh instance each time
    }
    assertEquals(order.size(), table.size());
    for (int c = 0; c < order.size(); c++) {
      assertEquals(order.get(c), table.key(c));
    }
    for (String k : keys) {
      assertEquals(oracle.get(k).intValue(), table.find(k));
    }
    assertEquals(-1, table.find("not there"));
  }

  /**
   * Keys given as characters within a larger array (with their string hash) get the codes their
   * strings get, mixed with string lookups on one table; {@code codeIfAt} and the hash-only {@code
   * prefetch} agree with their string forms.
   */
  @Property(tries = 1000, seed = "44")
  void keysAsCharactersAreCodedAsStrings(@ForAll("keys") List<String> keys) {
    StringCodeTable table = new StringCodeTable();
    Map<String, Integer> oracle = new HashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    int[] hashes = new int[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      hashes[i] = keys.get(i).hashCode();
    }
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      if (i % 3 == 0) {
        table.prefetch(hashes, i, Math.min(4, keys.size() - i), new int[4]);
      }
      int want = oracle.computeIfAbsent(k, x -> oracle.size());
      int got;
      if (i % 2 == 0) {
        char[] a = ("<<" + k + ">>").toCharArray();
        got = table.code(a, 2, k.length(), k.hashCode());
      } else {
        got = table.code(k);
      }
      assertEquals(want, got, k);
      positions.putIfAbsent(k, table.lastPosition());
    }
    assertEquals(oracle.size(), table.size());
    for (String k : keys) {
      int at = positions.get(k);
      char[] a = ("x" + k).toCharArray();
      assertEquals(oracle.get(k).intValue(), table.codeIfAt(at, a, 1, k.length()), k);
      assertEquals(
          table.codeIfAt(at, k + "?"),
          table.codeIfAt(at, (k + "?").toCharArray(), 0, k.length() + 1));
    }
  }

  /** Prefetching any window of keys (nulls too) between lookups changes no code. */
  @Property(tries = 1000, seed = "43")
  void prefetchChangesNothing(@ForAll("keys") List<String> keys) {
    StringCodeTable table = new StringCodeTable();
    Map<String, Integer> oracle = new HashMap<>();
    String[] window = new String[7];
    for (int i = 0; i < keys.size(); i++) {
      int n = 0;
      for (int j = i; j < keys.size() && n < window.length; j++) {
        window[n++] = j % 5 == 4 ? null : keys.get(j);
      }
      table.prefetch(window, n);
      int want = oracle.computeIfAbsent(keys.get(i), x -> oracle.size());
      assertEquals(want, table.code(keys.get(i)));
    }
    assertEquals(oracle.size(), table.size());
  }

  /**
   * Payloads stay with their key (what was set for a key is what the next lookup of it reads, 0
   * before), and a key's position answers {@code codeIfAt} with its code for that key alone.
   */
  @Property(tries = 1000, seed = "44")
  void payloadsAndPositionsBelongToTheirKey(@ForAll("keys") List<String> keys) {
    StringCodeTable table = new StringCodeTable();
    Map<String, Integer> payload = new HashMap<>();
    Map<String, Integer> position = new HashMap<>();
    Map<String, Integer> codes = new HashMap<>();
    int[] guesses = new int[1];
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      table.prefetch(new String[] {k}, 1, guesses);
      if (codes.keySet().stream().noneMatch(x -> !x.equals(k) && x.hashCode() == k.hashCode())) {
        // Without a key of the same hash, the guess is the key's own payload (0 if new).
        assertEquals(payload.getOrDefault(k, 0).intValue(), guesses[0], "guess for " + k);
      }
      int code = table.code(new String(k));
      assertEquals(codes.computeIfAbsent(k, x -> codes.size()).intValue(), code);
      assertEquals(payload.getOrDefault(k, 0).intValue(), table.lastPayload(), k);
      table.setLastPayload(i + 1);
      payload.put(k, i + 1);
      position.put(k, table.lastPosition());
      for (Map.Entry<String, Integer> e : position.entrySet()) {
        int want = e.getKey().equals(k) ? code : -1;
        assertEquals(want, table.codeIfAt(e.getValue(), k), e.getKey() + " vs " + k);
      }
    }
  }

  /** Strings with equal hash codes ("Aa" and "BB") get distinct codes, across growth. */
  @Test
  void collidingHashesAndGrowth() {
    assertEquals("Aa".hashCode(), "BB".hashCode());
    StringCodeTable table = new StringCodeTable();
    List<String> colliding = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      StringBuilder b = new StringBuilder();
      for (int bit = 0; bit < 8; bit++) {
        b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      colliding.add(b.toString()); // all 256 share one hash code
    }
    for (int i = 0; i < colliding.size(); i++) {
      assertEquals(i, table.code(colliding.get(i)));
    }
    for (int i = 0; i < colliding.size(); i++) {
      assertEquals(i, table.code(colliding.get(i)));
      assertEquals(colliding.get(i), table.key(i));
    }
    StringCodeTable many = new StringCodeTable();
    for (int i = 0; i < 200_000; i++) {
      assertEquals(i, many.code("C" + i));
    }
    assertEquals(200_000, many.size());
    assertEquals("C123456", many.key(123_456));
    assertNotEquals(-1, many.find("C199999"));
  }
}
