package org.cx4j.core.io;

import java.io.Reader;
import java.time.Instant;

/**
 * A CSV file of {@code rows} interactions generated on the fly, never held in memory: header {@code
 * customer_id,touchpoint,timestamp,outcome}, customers {@code c0..c99999}, touchpoints from {@link
 * IoFixtures#CATALOG}, one row per second from 2024-01-01T00:00:00Z, every fifth row converted.
 */
final class GeneratedInteractionsReader extends Reader {

  private static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
  private static final String[] TOUCHPOINTS = {"web_checkout", "hotline"};

  private final long rows;
  private long next = -1; // -1: the header
  private final StringBuilder line = new StringBuilder(96);
  private int pos;

  GeneratedInteractionsReader(long rows) {
    this.rows = rows;
  }

  @Override
  public int read(char[] buf, int off, int len) {
    int n = 0;
    while (n < len) {
      if (pos == line.length()) {
        if (!fill()) {
          break;
        }
      }
      int k = Math.min(len - n, line.length() - pos);
      line.getChars(pos, pos + k, buf, off + n);
      pos += k;
      n += k;
    }
    return n == 0 && len > 0 ? -1 : n;
  }

  private boolean fill() {
    line.setLength(0);
    pos = 0;
    if (next == -1) {
      line.append("customer_id,touchpoint,timestamp,outcome\n");
    } else if (next < rows) {
      line.append('c')
          .append(next % 100_000)
          .append(',')
          .append(TOUCHPOINTS[(int) (next & 1)])
          .append(',')
          .append(Instant.ofEpochSecond(START + next))
          .append(',')
          .append(next % 5 == 0 ? "converted" : "")
          .append('\n');
    } else {
      return false;
    }
    next++;
    return true;
  }

  @Override
  public void close() {}
}
