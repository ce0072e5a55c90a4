package org.cx4j.spark.journey;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The partition states' bytes: a {@link DataOutput} into a growable array and a {@link DataInput}
 * over an array, both in {@code DataOutputStream}'s format (big-endian, modified UTF-8) but without
 * its per-byte, synchronized stream calls: the states of millions of variants and paths are written
 * and read one {@code int} at a time.
 */
final class StateBytes {

  private StateBytes() {}

  /** Writes into a growable byte array; {@link #toByteArray} returns what was written. */
  static final class Output implements DataOutput {
    private ByteBuffer buf = ByteBuffer.allocate(1 << 16);

    private ByteBuffer room(int bytes) {
      if (buf.remaining() < bytes) {
        ByteBuffer bigger =
            ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + bytes));
        buf.flip();
        bigger.put(buf);
        buf = bigger;
      }
      return buf;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf.array(), buf.position());
    }

    @Override
    public void write(int b) {
      room(1).put((byte) b);
    }

    @Override
    public void write(byte[] b) {
      write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      room(len).put(b, off, len);
    }

    @Override
    public void writeBoolean(boolean v) {
      write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
      write(v);
    }

    @Override
    public void writeShort(int v) {
      room(2).putShort((short) v);
    }

    @Override
    public void writeChar(int v) {
      room(2).putChar((char) v);
    }

    @Override
    public void writeInt(int v) {
      room(4).putInt(v);
    }

    @Override
    public void writeLong(long v) {
      room(8).putLong(v);
    }

    @Override
    public void writeFloat(float v) {
      // As DataOutputStream: NaNs canonical (floatToIntBits, not the raw bits).
      room(4).putInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
      room(8).putLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
      for (int i = 0; i < s.length(); i++) {
        write(s.charAt(i));
      }
    }

    @Override
    public void writeChars(String s) {
      for (int i = 0; i < s.length(); i++) {
        writeChar(s.charAt(i));
      }
    }

    @Override
    public void writeUTF(String s) throws IOException {
      // DataOutputStream's modified UTF-8: a 2-byte length, then 1 to 3 bytes per char.
      int len = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        len += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
      }
      if (len > 0xFFFF) {
        throw new UTFDataFormatException("encoded string too long: " + len + " bytes");
      }
      ByteBuffer b = room(2 + len);
      b.putShort((short) len);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= 1 && c <= 0x7F) {
          b.put((byte) c);
        } else if (c <= 0x7FF) {
          b.put((byte) (0xC0 | (c >> 6))).put((byte) (0x80 | (c & 0x3F)));
        } else {
          b.put((byte) (0xE0 | (c >> 12)))
              .put((byte) (0x80 | ((c >> 6) & 0x3F)))
              .put((byte) (0x80 | (c & 0x3F)));
        }
      }
    }
  }

  /** Reads an array written by {@link Output} (or a {@code DataOutputStream}). */
  static final class Input implements DataInput {
    private final ByteBuffer buf;

    Input(byte[] bytes) {
      buf = ByteBuffer.wrap(bytes);
    }

    private ByteBuffer need(int bytes) throws EOFException {
      if (buf.remaining() < bytes) {
        throw new EOFException(
            "partition state ends "
                + (bytes - buf.remaining())
                + " bytes early, at byte "
                + buf.position());
      }
      return buf;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
      readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      need(len).get(b, off, len);
    }

    @Override
    public int skipBytes(int n) {
      int k = Math.max(0, Math.min(n, buf.remaining()));
      buf.position(buf.position() + k);
      return k;
    }

    @Override
    public boolean readBoolean() throws IOException {
      return need(1).get() != 0;
    }

    @Override
    public byte readByte() throws IOException {
      return need(1).get();
    }

    @Override
    public int readUnsignedByte() throws IOException {
      return need(1).get() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
      return need(2).getShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
      return need(2).getShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
      return need(2).getChar();
    }

    @Override
    public int readInt() throws IOException {
      return need(4).getInt();
    }

    @Override
    public long readLong() throws IOException {
      return need(8).getLong();
    }

    @Override
    public float readFloat() throws IOException {
      return need(4).getFloat();
    }

    @Override
    public double readDouble() throws IOException {
      return need(8).getDouble();
    }

    /** Not part of the states' format. */
    @Override
    public String readLine() {
      throw new UnsupportedOperationException("partition states hold no text lines");
    }

    @Override
    public String readUTF() throws IOException {
      return DataInputStream.readUTF(this);
    }
  }
}
