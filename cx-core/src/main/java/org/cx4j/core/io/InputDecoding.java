package org.cx4j.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How the bytes of a file become text: the byte-order mark, the charset, and the decoding of one
 * record at a time so that a byte that is not valid in the charset rejects its record only.
 *
 * <p>Precedence: a byte-order mark (UTF-8 {@code EF BB BF}, UTF-16 big-endian {@code FE FF}, UTF-16
 * little-endian {@code FF FE}) wins; else the charset the reader was given; else UTF-8. Charsets
 * that are not ASCII-compatible (UTF-16, UTF-32, Shift_JIS, ...) are transcoded to UTF-8 as the
 * file is read; a sequence not valid in them becomes U+FFFF, which then rejects its record.
 */
final class InputDecoding {

  /** Stands for a sequence that was not valid in a transcoded charset; never in real text. */
  private static final char INVALID = '\uFFFF';

  /** Probe characters whose bytes must equal ASCII for a charset to be split on bytes. */
  private static final String PROBE =
      "\t\n\r \"',;|:.-+0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz{}[]";

  private final InputStream bytes;
  private final Charset charset; // the charset of the bytes handed to the splitter
  private final Charset declared; // the charset of the file
  private final boolean transcoded;
  private final long bomLength;
  private final CharsetDecoder decoder;
  private CharBuffer chars = CharBuffer.allocate(256);

  private InputDecoding(InputStream bytes, Charset declared, boolean transcoded, long bomLength) {
    this(bytes, declared, transcoded, transcoded ? StandardCharsets.UTF_8 : declared, bomLength);
  }

  private InputDecoding(
      InputStream bytes, Charset declared, boolean transcoded, Charset charset, long bomLength) {
    this.bytes = bytes;
    this.declared = declared;
    this.transcoded = transcoded;
    this.charset = charset;
    this.bomLength = bomLength;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Opens {@code in}: drops a byte-order mark (which then decides the charset) and transcodes
   * charsets that are not ASCII-compatible.
   *
   * @param charset the charset to use when there is no byte-order mark
   */
  static InputDecoding open(InputStream in, Charset charset) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 3);
    byte[] head = new byte[3];
    int n = p.readNBytes(head, 0, 3);
    Bom mark = Bom.of(head, n);
    Charset cs = mark == null ? charset : mark.charset();
    int bom = mark == null ? 0 : mark.length();
    if (n > bom) {
      p.unread(head, bom, n - bom);
    }
    if (asciiCompatible(cs)) {
      return new InputDecoding(p, cs, false, bom);
    }
    return new InputDecoding(new Utf8Transcoder(decoding(p, cs)), cs, true, bom);
  }

  /**
   * Returns whether a file in {@code cs} can be split into records on its bytes: UTF-8, or a
   * single-byte charset whose bytes for the ASCII characters that matter are ASCII.
   */
  static boolean asciiCompatible(Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII)) {
      return true;
    }
    if (!cs.canEncode()) {
      return false;
    }
    CharsetEncoder e = cs.newEncoder();
    if (e.maxBytesPerChar() != 1.0f) {
      return false;
    }
    return Arrays.equals(PROBE.getBytes(cs), PROBE.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Opens the text of {@code in} for splitting: it is encoded to UTF-8 as it is read (a leading
   * U+FEFF is dropped like a byte-order mark; an unpaired surrogate rejects its record).
   */
  static InputDecoding open(Reader in) throws IOException {
    InputDecoding d = open(new Utf8Transcoder(in), StandardCharsets.UTF_8);
    return new InputDecoding(
        d.bytes, StandardCharsets.UTF_8, true, StandardCharsets.UTF_8, d.bomLength);
  }

  /**
   * A byte-order mark: its charset and length.
   *
   * @param charset the charset the mark names
   * @param length the mark's length in bytes
   */
  record Bom(Charset charset, int length) {
    /** Returns the mark {@code head} starts with (of its first {@code n} bytes), or null. */
    static Bom of(byte[] head, int n) {
      if (n >= 3
          && (head[0] & 0xFF) == 0xEF
          && (head[1] & 0xFF) == 0xBB
          && (head[2] & 0xFF) == 0xBF) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      return null;
    }
  }

  /**
   * Returns the decoding of {@code bytes}, which continue this file from a line start after its
   * header: the same charset, byte-order mark length and decoder settings.
   *
   * @throws IllegalStateException if this file is transcoded (its bytes are not the file's)
   */
  InputDecoding continuing(InputStream bytes) {
    if (transcoded) {
      throw new IllegalStateException("a transcoded file cannot be read from the middle");
    }
    return new InputDecoding(bytes, declared, false, bomLength);
  }

  /** Returns whether the file's bytes are transcoded to UTF-8 before splitting. */
  boolean transcoded() {
    return transcoded;
  }

  /** Returns the bytes to split (UTF-8 when transcoded). */
  InputStream bytes() {
    return bytes;
  }

  /** Returns the length of the dropped byte-order mark. */
  long bomLength() {
    return bomLength;
  }

  /** Returns the charset of the file, as decided by its byte-order mark or the reader. */
  Charset charset() {
    return declared;
  }

  /**
   * Decodes one record.
   *
   * @return the text
   * @throws RowError naming the line and byte offset of the first byte that is not valid
   */
  String decode(RecordSplitter s) {
    byte[] b = s.buffer();
    int from = s.start();
    int len = s.end() - from;
    if (s.ascii()) {
      // Every byte is ASCII: nothing to decode, and Latin-1 makes a compact string directly.
      return new String(b, from, len, StandardCharsets.ISO_8859_1);
    }
    ByteBuffer in = ByteBuffer.wrap(b, from, len);
    if (chars.capacity() < len) {
      chars = CharBuffer.allocate(Math.max(len, chars.capacity() * 2));
    }
    chars.clear();
    decoder.reset();
    CoderResult r = decoder.decode(in, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      int at = in.position() - from;
      throw invalid(s, b, from, at, r.length());
    }
    chars.flip();
    if (transcoded) {
      for (int k = 0; k < chars.limit(); k++) {
        if (chars.get(k) == INVALID) {
          // Where in the line, in characters: the transcoded bytes are not the file's own.
          int lineStart = 0;
          long line = s.line();
          for (int j = 0; j < k; j++) {
            char c = chars.get(j);
            if (c == '\n' || (c == '\r' && (j + 1 >= k || chars.get(j + 1) != '\n'))) {
              line++;
              lineStart = j + 1;
            }
          }
          throw new RowError(
              null,
              null,
              "character " + (k - lineStart + 1) + ": not valid " + declared.name() + " text",
              false,
              0,
              ReadError.Kind.ENCODING,
              line == s.line() ? 0 : line);
        }
      }
    }
    return chars.toString();
  }

  private RowError invalid(RecordSplitter s, byte[] b, int from, int at, int n) {
    long line = s.line();
    for (int k = from; k < from + at; k++) {
      if (b[k] == '\n' || (b[k] == '\r' && (k + 1 >= from + at || b[k + 1] != '\n'))) {
        line++;
      }
    }
    StringBuilder hex = new StringBuilder();
    for (int k = 0; k < n && from + at + k < b.length; k++) {
      hex.append(k == 0 ? "" : " ").append(String.format("%02X", b[from + at + k] & 0xFF));
    }
    long offset = bomLength + s.offset() + at;
    return new RowError(
        null,
        null,
        "byte offset "
            + offset
            + ": byte"
            + (n == 1 ? " " : "s ")
            + hex
            + " not valid "
            + declared.name()
            + " (if the file was exported as Windows-1252 or ISO-8859-1, read it with that"
            + " charset)",
        false,
        0,
        ReadError.Kind.ENCODING,
        line == s.line() ? 0 : line);
  }

  /** Returns a reader of {@code in} that turns what is not valid in {@code cs} into U+FFFF. */
  private static Reader decoding(InputStream in, Charset cs) {
    return new InputStreamReader(
        in,
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(INVALID)));
  }

  /**
   * Hands on the text of a reader as UTF-8 bytes; an unpaired surrogate becomes U+FFFF, which then
   * rejects its record.
   */
  private static final class Utf8Transcoder extends InputStream {
    private final Reader in;
    private final CharsetEncoder out =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(INVALID).getBytes(StandardCharsets.UTF_8));
    private final char[] cbuf = new char[8192];
    private final CharBuffer pending = CharBuffer.allocate(8192 + 1);
    private final ByteBuffer bbuf = ByteBuffer.allocate(8192 * 3 + 8);
    private boolean eof;

    Utf8Transcoder(Reader in) {
      this.in = in;
      bbuf.flip();
      pending.flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (!bbuf.hasRemaining()) {
        if (eof) {
          return -1;
        }
        int n = in.read(cbuf);
        pending.compact();
        if (n < 0) {
          eof = true;
        } else {
          pending.put(cbuf, 0, n);
        }
        pending.flip();
        bbuf.clear();
        // A lone high surrogate at the end waits for its pair unless the input has ended.
        CharBuffer src = pending;
        int keep = 0;
        if (!eof && src.hasRemaining() && Character.isHighSurrogate(src.get(src.limit() - 1))) {
          keep = 1;
          src.limit(src.limit() - 1);
        }
        out.encode(src, bbuf, eof);
        src.limit(src.limit() + keep);
        bbuf.flip();
      }
      int n = Math.min(len, bbuf.remaining());
      bbuf.get(b, off, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
