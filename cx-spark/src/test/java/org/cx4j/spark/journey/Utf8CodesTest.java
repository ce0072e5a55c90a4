package org.cx4j.spark.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** {@link Utf8Codes} against a {@code HashMap} of {@code String}s (the oracle). */
class Utf8CodesTest {

  /** prefix and hash read from a buffer equal Spark's getPrefix and hashCode of the string. */
  @Property(tries = 200, seed = "42")
  void prefixAndHashAreSparks(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
    Random rnd = new Random(seed);
    String s = randomKey(rnd);
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] buf = new byte[b.length + 11];
    java.util.Arrays.fill(buf, (byte) 0x7F); // bytes past the string must not leak into it
    System.arraycopy(b, 0, buf, 5, b.length);
    UTF8String spark = UTF8String.fromBytes(b);
    long at = org.apache.spark.unsafe.Platform.BYTE_ARRAY_OFFSET + 5;
    assertEquals(spark.getPrefix(), Utf8Codes.prefix(buf, at, b.length), s);
    assertEquals(spark.hashCode(), Utf8Codes.hash(buf, at, b.length), s);
  }

  @Property(tries = 30, seed = "42")
  void agreesWithAHashMap(
      @ForAll @IntRange(min = 0, max = 5_000) int keys,
      @ForAll @IntRange(min = 0, max = 10_000) int seed) {
    Random rnd = new Random(seed);
    Utf8Codes codes = new Utf8Codes(16);
    Map<String, Integer> oracle = new HashMap<>();
    for (int i = 0; i < 2 * keys; i++) {
      String s = randomKey(rnd);
      // Look the key up from the middle of a larger buffer, as in a Spark row.
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      byte[] buf = new byte[b.length + 7];
      System.arraycopy(b, 0, buf, 3, b.length);
      SparkInternals.Utf8Field probe = new SparkInternals.Utf8Field().set(buf, 3, b.length);
      Integer expected = oracle.get(s);
      assertEquals(expected == null ? -1 : expected, codes.get(probe), s);
      if (expected == null && oracle.size() < keys) {
        oracle.put(s, oracle.size());
        codes.put(probe.toBytes(), oracle.size() - 1);
      }
    }
    for (Map.Entry<String, Integer> e : oracle.entrySet()) {
      assertEquals(e.getValue(), codes.get(utf8(e.getKey())), e.getKey());
    }
  }

  /** Short, long, with a shared 8-byte start, empty, with zero bytes and non-ASCII. */
  private static String randomKey(Random rnd) {
    switch (rnd.nextInt(4)) {
      case 0:
        return "c" + rnd.nextInt(2_000);
      case 1:
        return "customer-" + rnd.nextInt(2_000);
      case 2:
        return "\u0000".repeat(rnd.nextInt(10));
      default:
        return "é" + "x".repeat(rnd.nextInt(12));
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void lengthTellsZeroPaddedKeysApart() {
    // "a" and "a\0" share their zero-padded first 8 bytes; the length differs.
    Utf8Codes codes = new Utf8Codes(2);
    codes.put(utf8("a"), 0);
    assertEquals(-1, codes.get(utf8("a\u0000")));
    codes.put(utf8("a\u0000"), 1);
    assertEquals(0, codes.get(utf8("a")));
    assertEquals(1, codes.get(utf8("a\u0000")));
    assertEquals(-1, codes.get(utf8("")));
  }
}
