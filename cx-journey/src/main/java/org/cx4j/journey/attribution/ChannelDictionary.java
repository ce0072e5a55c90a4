package org.cx4j.journey.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Channel names to dense codes, looked up by a character range of a longer string so that parsing a
 * path allocates nothing for channels already seen. Open addressing over the codes; the hash is
 * String's own over the range. Not thread-safe.
 */
final class ChannelDictionary {
  private final List<String> names = new ArrayList<>();
  private int[] table = new int[64];

  ChannelDictionary() {
    Arrays.fill(table, -1);
  }

  /** Returns the code of {@code s.substring(from, to)}, adding it if new. */
  int code(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    int mask = table.length - 1;
    int slot = mix(h) & mask;
    int len = to - from;
    while (true) {
      int c = table[slot];
      if (c < 0) {
        int code = names.size();
        names.add(s.substring(from, to));
        table[slot] = code;
        if (names.size() * 2 > table.length) {
          rehash();
        }
        return code;
      }
      String name = names.get(c);
      if (name.length() == len && name.regionMatches(0, s, from, len)) {
        return c;
      }
      slot = (slot + 1) & mask;
    }
  }

  List<String> names() {
    return List.copyOf(names);
  }

  private void rehash() {
    table = new int[table.length * 2];
    Arrays.fill(table, -1);
    int mask = table.length - 1;
    for (int c = 0; c < names.size(); c++) {
      int slot = mix(names.get(c).hashCode()) & mask;
      while (table[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = c;
    }
  }

  private static int mix(int h) {
    return h ^ (h >>> 16);
  }
}
