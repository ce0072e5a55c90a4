package org.cx4j.journey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * {@link CodeTable} against the obvious oracle, a {@code HashMap} that gives each new key the
 * next code: same codes for every lookup, same keys in code order, -1 for absent keys.
 */
class CodeTableProperties {

  @Provide
  Arbitrary<List<String>> keys() {
    // Few distinct values, so keys repeat; lengths 0..3 over a small alphabet.
    return Arbitraries.strings().withChars("abc").ofMaxLength(3).list().ofMaxSize(300);
  }

  @Property(tries = 2000, seed = "42")
  void codesEqualFirstSightOrder(@ForAll("keys") List<String> keys) {
    CodeTable<String> table = new CodeTable<>();
    Map<String, Integer> oracle = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (String k : keys) {
      Integer want = oracle.computeIfAbsent(k, x -> {
        order.add(x);
        return order.size() - 1;
      });
      assertEquals(want.intValue(), table.code(k));
    }
    assertEquals(order, table.keys());
    assertEquals(order.size(), table.size());
    for (String k : keys) {
      assertEquals(oracle.get(k).intValue(), table.find(k));
    }
    assertEquals(-1, table.find("not there"));
  }

  /** Keys whose hash codes collide (all equal) still get distinct codes, across growth. */
  @Test
  void collidingHashesAndGrowth() {
    record Same(int id) {
      @Override
      public int hashCode() {
        return 7;
      }
    }
    CodeTable<Same> table = new CodeTable<>();
    for (int i = 0; i < 200; i++) {
      assertEquals(i, table.code(new Same(i)));
    }
    for (int i = 0; i < 200; i++) {
      assertEquals(i, table.code(new Same(i)));
      assertEquals(new Same(i), table.key(i));
    }
    CodeTable<Integer> many = new CodeTable<>();
    for (int i = 0; i < 100_000; i++) {
      assertEquals(i, many.code(i * 1024)); // low bits all zero before spreading
    }
    assertEquals(100_000, many.size());
  }
}
