package org.cx4j.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * Splits a byte stream into records before any field is parsed, so that one bad record never takes
 * the rest of the file with it. A record ends at an LF, a CRLF or a lone CR outside quotes (or at
 * the end of the input); with {@code quoting}, a {@code "} that is the first byte of a value opens
 * a quoted value that may span lines, {@code ""} inside it is one quote, and the next lone {@code
 * "} closes it. These are the rules of Jackson's CSV parser, which then parses each record's
 * values; the splitter also flags what Jackson would refuse (text after a closing quote other than
 * spaces and tabs) so that it is never handed a record it cannot read.
 *
 * <p>Limits, so that a hostile file cannot exhaust memory or swallow good rows: a record longer
 * than {@code maxBytes}, a quoted value still open after {@code maxLines} physical lines, and a
 * quote still open at the end of the input each reject the record's <em>first physical line
 * only</em>, and splitting resumes at the next physical line with no quote open. A first line
 * longer than {@code maxBytes} is skipped without being held in memory.
 *
 * <p>A record that spans lines but is not valid as it stands (text after a closing quote, or not
 * the header's number of values; see {@link #expectFields(int)}) is taken for a quote never closed
 * that swallowed the lines after it: its first line is rejected and the next line is read as a
 * record. A record that is valid as it stands is always read as written, so a file this library
 * writes reads back unchanged; the one case a reader cannot tell apart is a quote never closed
 * whose swallowed lines happen to make one valid record (the quote closing at a line end with the
 * right number of values), which is read as that record.
 *
 * <p>The input must be in an ASCII-compatible encoding (every byte below 0x80 is that ASCII
 * character and no multi-byte sequence contains such a byte): UTF-8, ISO-8859-x, Windows-125x.
 * Other encodings are transcoded to UTF-8 first ({@link InputDecoding}). Not thread-safe.
 */
final class RecordSplitter {

  /** Why a record is refused before parsing; null for a good record. */
  enum Problem {
    /** The first line alone is longer than the byte limit (only the line is rejected). */
    LINE_TOO_LONG,
    /** A quoted value grew the record past the byte limit. */
    RECORD_TOO_LONG,
    /** A quoted value is still open after the line limit. */
    TOO_MANY_LINES,
    /** A quote is still open at the end of the input. */
    UNTERMINATED_QUOTE,
    /** Text other than spaces or tabs follows a closing quote. */
    TEXT_AFTER_QUOTE
  }

  private static final int CHUNK = 1 << 16;

  /** Bytes of an over-long line kept for the reject's excerpt. */
  static final int EXCERPT = 1024;

  private final InputStream in;
  private byte separator;
  private boolean whitespace;
  private final boolean quoting;
  private final int maxBytes;
  private final int maxLines;

  private final boolean[] plain = new boolean[256];

  // Word-at-a-time runs: eight bytes of buf read as one little-endian long.
  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long BYTES_OF_ONE = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = BYTES_OF_ONE * '"';
  private static final long NEWLINES = BYTES_OF_ONE * '\n';
  private static final long RETURNS = BYTES_OF_ONE * '\r';

  private byte[] buf = new byte[CHUNK];
  private int limit; // valid bytes in buf
  private int pos; // the next record starts here
  private long bufOffset; // stream offset of buf[0]
  private long nextLine = 1; // the physical line at pos
  private long firstLine = 1; // the line the input starts on
  private boolean eof;
  private int expectedFields; // 0 until the header (or the given columns) says
  private boolean headerFirst;
  private int lastFields; // the number of values of the last record ended at a line end

  // Positions of the record being scanned, in the buffer; fill() shifts them with the record.
  private int i; // the next byte to look at
  private int firstLineEnd; // the first line's terminator inside a quoted record, or -1
  private int afterQuote; // the first byte of text after a closing quote, or -1

  // The current record, valid after next() returned true.
  private int start;
  private int end; // exclusive, before the line terminator
  private long line;
  private int lines;
  private boolean ascii;
  private boolean blank;
  private Problem problem;
  private int textAfterQuoteAt; // offset in the record of the first byte after a closing quote
  private byte[] excerpt; // the first bytes of an over-long first line, else null
  private Runnable beforeMove; // called before the buffer's bytes are moved; null: none
  private long hugeOffset;
  // A section's end: no record starting at or after stopAt is read (see stopAt()).
  private long stopAt = Long.MAX_VALUE;
  private LongUnaryOperator nextStop;

  /**
   * @param separator the value separator (ignored when {@code whitespace})
   * @param whitespace runs of spaces and tabs separate values
   * @param quoting whether quotes are special (false for JSON Lines: one record per line)
   */
  RecordSplitter(
      InputStream in,
      char separator,
      boolean whitespace,
      boolean quoting,
      int maxBytes,
      int maxLines) {
    this.in = in;
    this.separator = (byte) separator;
    this.whitespace = whitespace;
    this.quoting = quoting;
    this.maxBytes = maxBytes;
    this.maxLines = maxLines;
    plainBytes();
  }

  /**
   * Calls {@code hook} whenever the bytes of records already returned are about to be overwritten
   * in the buffer (before the record being scanned is moved to its start), so that a caller holding
   * records as places in the {@linkplain #buffer() buffer} can copy them out first. The buffer
   * array itself is never overwritten otherwise: when it grows, a new one replaces it.
   */
  void beforeMove(Runnable hook) {
    this.beforeMove = hook;
  }

  /**
   * Starts counting at {@code offset} and {@code line}: for a reader whose input begins inside a
   * file, at the start of the physical line {@code line}, {@code offset} bytes in. Before the first
   * record only.
   */
  void startAt(long offset, long line) {
    this.bufOffset = offset - pos;
    this.nextLine = line;
    this.firstLine = line;
  }

  /** Returns the physical lines read so far: those of the records returned. */
  long linesRead() {
    return nextLine - firstLine;
  }

  /**
   * Ends the input at the first record that starts at offset {@code stop} exactly: {@link #next()}
   * then returns false. A record that starts before {@code stop} is read to its end, past {@code
   * stop} if it spans it; the next possible end is then {@code nextStop} of the offset reached (the
   * least section boundary at or after it), and so on.
   */
  void stopAt(long stop, LongUnaryOperator nextStop) {
    this.stopAt = stop;
    this.nextStop = nextStop;
  }

  /** Returns the offset where the next record starts (after the last one returned). */
  long position() {
    return bufOffset + pos;
  }

  /** Returns whether the input ended at the stop offset rather than at its own end. */
  boolean stopped() {
    return position() == stopAt;
  }

  /** Fills the table of ASCII bytes that, inside an unquoted value, end neither it nor the line. */
  private void plainBytes() {
    for (int b = 0; b < 128; b++) {
      plain[b] =
          b != '\n'
              && b != '\r'
              && (whitespace ? b != ' ' && b != '\t' : b != (this.separator & 0xFF));
    }
  }

  /** Returns the width records are checked against (0 until known). */
  int expectedFields() {
    return expectedFields;
  }

  /** Returns the number of values of the last record that ended normally. */
  int lastFields() {
    return lastFields;
  }

  /** Splits the records after the current one on {@code c} (an Excel {@code sep=} line). */
  void separator(char c) {
    this.separator = (byte) c;
    this.whitespace = false;
    plainBytes();
  }

  /** Takes the number of values of the first non-blank record (the header) as the width. */
  void expectFieldsOfFirstRecord() {
    this.headerFirst = true;
  }

  /**
   * Sets the number of values a record has (the header's). From then on, a record that spans
   * several lines but does not have this many values, or has text after a closing quote, is taken
   * for a quote never closed: its first line is rejected and the next line read as a record.
   */
  void expectFields(int n) {
    this.expectedFields = n;
  }

  /**
   * Advances to the next record (blank lines included: see {@link #blank()}).
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    problem = null;
    excerpt = null;
    while (bufOffset + pos >= stopAt) {
      if (bufOffset + pos == stopAt) {
        return false; // where the next section starts
      }
      stopAt = nextStop.applyAsLong(bufOffset + pos); // a record ran past: stop further on
    }
    if (pos >= limit && !fill()) {
      return false;
    }
    return plainLine() || scan();
  }

  /**
   * Cuts the record at {@code pos} when it is one line of ASCII without quotes or carriage returns
   * (most rows of machine exports), eight bytes at a time: the values are the separators plus one,
   * and the record ends at the first line feed. Anything else, or a line that runs past what is
   * buffered, is left to {@link #scan()} (returns false, having changed nothing).
   */
  private boolean plainLine() {
    if (whitespace || expectedFields == 0) {
      return false; // the header, and whitespace-separated files, take the general path
    }
    int p = pos;
    byte first = buf[p];
    if (first == ' ' || first == '\t' || first == '\n' || first == '\r') {
      return false; // blank or leading spaces: the general path decides
    }
    long seps = BYTES_OF_ONE * (separator & 0xFF);
    int fields = 1;
    int last = (int) Math.min(limit, (long) p + maxBytes + 1) - Long.BYTES;
    for (int k = p; k <= last; k += Long.BYTES) {
      long w = (long) WORDS.get(buf, k);
      long lf = zeroBytes(w ^ NEWLINES);
      long stop = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ RETURNS) | (w & HIGH_BITS);
      long sep = zeroBytes(w ^ seps);
      if ((lf | stop) == 0) {
        fields += Long.bitCount(sep);
        continue;
      }
      long firstStop = Long.lowestOneBit(lf | stop);
      if ((firstStop & lf) == 0) {
        return false; // a quote, carriage return or non-ASCII byte before the line feed
      }
      fields += Long.bitCount(sep & (firstStop - 1));
      lastFields = fields;
      return finish(k + (Long.numberOfTrailingZeros(firstStop) >>> 3), 1, 1, false, true, null, -1);
    }
    return false;
  }

  /** The bytes of {@code x} that are zero, as 0x80 in each, exactly (no borrow between bytes). */
  private static long zeroBytes(long x) {
    long t = (x & ~HIGH_BITS) + ~HIGH_BITS;
    return ~(t | x | ~HIGH_BITS);
  }

  private boolean scan() throws IOException {
    i = pos;
    boolean inQuotes = false;
    boolean fieldStart = true;
    boolean afterClose = false;
    boolean nonAscii = false;
    boolean nonBlank = false;
    int nLines = 1;
    int fields = whitespace ? 0 : 1;
    firstLineEnd = -1;
    int firstTermLen = 0;
    afterQuote = -1;
    while (true) {
      if (i - pos > maxBytes) {
        if (firstLineEnd < 0) {
          return skipHugeLine(i);
        }
        // Past a closing quote with text after it, the record is already malformed: the quote
        // that opened it was never closed, whatever the size.
        return rejectFirstLine(
            firstLineEnd,
            firstTermLen,
            afterQuote >= 0 || !inQuotes ? Problem.UNTERMINATED_QUOTE : Problem.RECORD_TOO_LONG);
      }
      if (i >= limit) {
        if (!fill()) { // fill() shifts the scan positions when it moves the record
          // End of input.
          if (inQuotes) {
            if (firstLineEnd >= 0) {
              return rejectFirstLine(firstLineEnd, firstTermLen, Problem.UNTERMINATED_QUOTE);
            }
            // The quote opened on the last line: that line is the record.
          }
          if (i == pos) {
            return false;
          }
          if (!inQuotes
              && nLines > 1
              && expectedFields > 0
              && (afterQuote >= 0 || fields != expectedFields)) {
            return rejectFirstLine(firstLineEnd, firstTermLen, Problem.UNTERMINATED_QUOTE);
          }
          lastFields = fields;
          return finish(
              i,
              0,
              nLines,
              nonAscii,
              nonBlank,
              inQuotes
                  ? Problem.UNTERMINATED_QUOTE
                  : afterQuote >= 0 ? Problem.TEXT_AFTER_QUOTE : null,
              afterQuote);
        }
      }
      // Fast runs: the bytes inside a value that change nothing but the position.
      int lim = (int) Math.min(limit, (long) pos + maxBytes + 1);
      if (inQuotes) {
        int k = i;
        for (int last = lim - Long.BYTES; k <= last; k += Long.BYTES) { // 8 bytes at a time
          long w = (long) WORDS.get(buf, k);
          if ((zeroBytes(w ^ QUOTES) | zeroBytes(w ^ NEWLINES) | zeroBytes(w ^ RETURNS)) != 0) {
            break; // the byte loop below finds which
          }
          if ((w & HIGH_BITS) != 0) {
            nonAscii = true;
          }
        }
        while (k < lim) {
          byte c = buf[k];
          if (c == '"' || c == '\n' || c == '\r') {
            break;
          }
          if (c < 0) {
            nonAscii = true;
          }
          k++;
        }
        if (k > i) {
          i = k;
          continue;
        }
      } else if (!fieldStart && !afterClose && nonBlank) {
        int k = i;
        if (!whitespace) { // 8 bytes at a time while none is a separator, line end or non-ASCII
          long seps = BYTES_OF_ONE * (separator & 0xFF);
          for (int last = lim - Long.BYTES; k <= last; k += Long.BYTES) {
            long w = (long) WORDS.get(buf, k);
            if (((w & HIGH_BITS)
                    | zeroBytes(w ^ seps)
                    | zeroBytes(w ^ NEWLINES)
                    | zeroBytes(w ^ RETURNS))
                != 0) {
              break; // the byte loop below finds which
            }
          }
        }
        while (k < lim && plain[buf[k] & 0xFF]) {
          k++;
        }
        if (k > i) {
          i = k;
          continue;
        }
      }
      byte b = buf[i];
      if (b < 0) {
        nonAscii = true;
        nonBlank = true;
        if (whitespace && fieldStart && !inQuotes && !afterClose) {
          fields++;
        }
        fieldStart = false;
        if (afterClose) {
          afterClose = false;
          if (afterQuote < 0) {
            afterQuote = i;
          }
        }
        i++;
        continue;
      }
      if (b == '\n' || b == '\r') {
        int term = 1;
        if (b == '\r') {
          if (i + 1 >= limit) {
            fill(); // moves the record; fill() shifts the scan positions with it
          }
          if (i + 1 < limit && buf[i + 1] == '\n') {
            term = 2;
          }
        }
        if (!inQuotes) {
          if (nLines > 1 && expectedFields > 0 && (afterQuote >= 0 || fields != expectedFields)) {
            // A quoted value ran over lines into something that is not a record of the header's
            // width: far likelier a quote never closed than a broken multi-line value. Reject the
            // line where it opened; the lines after it are read again as records.
            return rejectFirstLine(firstLineEnd, firstTermLen, Problem.UNTERMINATED_QUOTE);
          }
          if (headerFirst && expectedFields == 0 && nonBlank) {
            expectedFields = fields; // the header's width, known before any row is read
          }
          lastFields = fields;
          return finish(
              i,
              term,
              nLines,
              nonAscii,
              nonBlank,
              afterQuote >= 0 ? Problem.TEXT_AFTER_QUOTE : null,
              afterQuote);
        }
        if (firstLineEnd < 0) {
          firstLineEnd = i;
          firstTermLen = term;
        }
        nLines++;
        if (nLines > maxLines) {
          return rejectFirstLine(firstLineEnd, firstTermLen, Problem.TOO_MANY_LINES);
        }
        i += term;
        continue;
      }
      if (inQuotes) {
        if (b == '"') {
          if (i + 1 >= limit) {
            fill(); // moves the record; fill() shifts the scan positions with it
          }
          if (i + 1 < limit && buf[i + 1] == '"') {
            i += 2; // an escaped quote
            continue;
          }
          inQuotes = false;
          afterClose = true;
        }
        i++;
        continue;
      }
      boolean space = b == ' ' || b == '\t';
      if (!space) {
        nonBlank = true;
      }
      if (whitespace ? space : b == separator) {
        fieldStart = true;
        afterClose = false;
        if (!whitespace) {
          fields++;
        }
      } else if (afterClose) {
        if (!space) {
          afterClose = false;
          if (afterQuote < 0) {
            afterQuote = i;
          }
        }
      } else if (quoting && fieldStart && b == '"') {
        inQuotes = true;
        fieldStart = false;
        if (whitespace) {
          fields++;
        }
      } else {
        if (whitespace && fieldStart) {
          fields++;
        }
        fieldStart = false;
      }
      i++;
    }
  }

  private boolean finish(
      int endAt,
      int term,
      int nLines,
      boolean nonAscii,
      boolean nonBlank,
      Problem p,
      int afterQuote) {
    start = pos;
    end = endAt;
    line = nextLine;
    lines = nLines;
    ascii = !nonAscii;
    blank = !nonBlank;
    problem = p;
    textAfterQuoteAt = afterQuote < 0 ? -1 : afterQuote - pos;
    pos = endAt + term;
    nextLine += nLines;
    return true;
  }

  /** Rejects the record's first physical line; the next record starts on the line after it. */
  private boolean rejectFirstLine(int firstLineEnd, int term, Problem p) {
    start = pos;
    end = firstLineEnd;
    line = nextLine;
    lines = 1;
    ascii = true;
    for (int k = start; k < end; k++) {
      if (buf[k] < 0) {
        ascii = false;
        break;
      }
    }
    blank = false;
    problem = p;
    textAfterQuoteAt = -1;
    pos = firstLineEnd + term;
    nextLine++;
    return true;
  }

  /**
   * Skips a first line longer than the limit without holding it: keeps its first bytes as the
   * record (for the reject's excerpt) and discards the rest, up to and including its line end.
   */
  private boolean skipHugeLine(int i) throws IOException {
    int keep = Math.min(EXCERPT, i - pos);
    excerpt = Arrays.copyOfRange(buf, pos, pos + keep);
    line = nextLine;
    lines = 1;
    ascii = true;
    blank = false;
    problem = Problem.LINE_TOO_LONG;
    textAfterQuoteAt = -1;
    hugeOffset = bufOffset + pos;
    pos = i; // everything before i is this line's; scan on for its end
    while (true) {
      if (pos >= limit && !fill()) {
        nextLine++;
        return true; // the line ran to the end of the input
      }
      byte b = buf[pos];
      if (b == '\n' || b == '\r') {
        if (b == '\r' && pos + 1 >= limit) {
          fill();
        }
        pos += (b == '\r' && pos + 1 < limit && buf[pos + 1] == '\n') ? 2 : 1;
        nextLine++;
        return true;
      }
      pos++;
    }
  }

  /**
   * Makes room and reads more input, keeping the current record (from {@code pos}) in the buffer:
   * the record is moved to the start of the buffer, which doubles when the record fills it.
   *
   * @return false if the input has ended and no byte was added
   */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      if (beforeMove != null) {
        beforeMove.run();
      }
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      bufOffset += pos;
      i -= pos;
      if (firstLineEnd >= 0) {
        firstLineEnd -= pos;
      }
      if (afterQuote >= 0) {
        afterQuote -= pos;
      }
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  /**
   * Returns the array holding the record's bytes (an excerpt for {@link Problem#LINE_TOO_LONG}).
   */
  byte[] buffer() {
    return excerpt != null ? excerpt : buf;
  }

  /** Returns the index of the record's first byte in {@link #buffer()}. */
  int start() {
    return excerpt != null ? 0 : start;
  }

  /** Returns the index after the record's last byte (its line terminator excluded). */
  int end() {
    return excerpt != null ? excerpt.length : end;
  }

  /** Returns the byte offset of the record in the input. */
  long offset() {
    return excerpt != null ? hugeOffset : bufOffset + start;
  }

  /** Returns the physical line (1-based) where the record starts. */
  long line() {
    return line;
  }

  /** Returns how many physical lines the record spans. */
  int lines() {
    return lines;
  }

  /** Returns whether every byte of the record is ASCII. */
  boolean ascii() {
    return ascii;
  }

  /** Returns whether the record holds only spaces and tabs (or nothing). */
  boolean blank() {
    return blank;
  }

  /** Returns why the record is refused, or null. */
  Problem problem() {
    return problem;
  }

  /** Returns the offset in the record of the text after a closing quote, or -1. */
  int textAfterQuoteAt() {
    return textAfterQuoteAt;
  }
}
