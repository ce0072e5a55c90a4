package org.cx4j.core.io;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/** Drops a leading UTF-8 byte-order mark (U+FEFF), which spreadsheet exports often write. */
final class Boms {

  private Boms() {}

  static Reader skip(Reader in) throws IOException {
    PushbackReader p = new PushbackReader(in, 1);
    int c = p.read();
    if (c >= 0 && c != '\uFEFF') {
      p.unread(c);
    }
    return p;
  }
}
