package org.cx4j.core.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Turns whitespace-separated text into single-space-separated text for Jackson's CSV parser, which
 * needs one separator character: outside quotes, a run of spaces and tabs becomes one space, and
 * spaces at the start and end of a line are dropped. Line ends pass through unchanged so that the
 * parser's line numbers stay those of the file; quoted text passes through unchanged.
 */
final class WhitespaceSeparatedReader extends Reader {

  private final Reader in;
  private boolean inQuotes;
  private boolean lineStart = true;
  private boolean pendingSpace;
  private boolean valueStart = true; // a quote opens quoting only at the start of a value
  private boolean pendingQuote; // the second quote of an escaped "" inside quotes
  private int lookahead = -2; // a character read but not yet emitted; -2 = none

  WhitespaceSeparatedReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      int c = nextChar();
      if (c < 0) {
        break;
      }
      buf[off + n++] = (char) c;
    }
    return n == 0 ? -1 : n;
  }

  private int nextChar() throws IOException {
    if (pendingQuote) {
      pendingQuote = false;
      return '"';
    }
    while (true) {
      int c;
      if (lookahead != -2) {
        c = lookahead;
        lookahead = -2;
      } else {
        c = in.read();
      }
      if (c < 0) {
        return -1; // a pending space at the end of the last line is trailing: drop it
      }
      if (inQuotes) {
        if (c == '"') {
          int d = in.read();
          if (d == '"') {
            pendingQuote = true; // an escaped quote: stay inside the quoted value
          } else {
            inQuotes = false;
            lookahead = d;
          }
        }
        return c;
      }
      if (c == ' ' || c == '\t') {
        if (!lineStart) {
          pendingSpace = true;
        }
        continue;
      }
      if (c == '\n' || c == '\r') {
        pendingSpace = false;
        lineStart = true;
        valueStart = true;
        return c;
      }
      if (pendingSpace) {
        pendingSpace = false;
        lookahead = c; // emit the separator now, the character next
        valueStart = true;
        return ' ';
      }
      lineStart = false;
      if (c == '"' && valueStart) {
        inQuotes = true;
      }
      valueStart = false;
      return c;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
