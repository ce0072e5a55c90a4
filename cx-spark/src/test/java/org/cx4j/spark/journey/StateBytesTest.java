package org.cx4j.spark.journey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link StateBytes} writes and reads exactly what {@code DataOutputStream} does (the oracle). */
class StateBytesTest {

  @Property(tries = 50, seed = "42")
  void sameBytesAsDataOutputStream(@ForAll long seed) throws IOException {
    Random rnd = new Random(seed);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream oracle = new DataOutputStream(bytes);
    StateBytes.Output out = new StateBytes.Output();
    int n = rnd.nextInt(20_000);
    long[] values = new long[n];
    String[] strings = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = rnd.nextLong();
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(6); k > 0; k--) {
        // ASCII, NUL (two bytes in modified UTF-8), 2- and 3-byte chars.
        sb.append(new char[] {'a', '\u0000', 'é', '\u20ac'}[rnd.nextInt(4)]);
      }
      strings[i] = sb.toString();
      switch (i % 5) {
        case 0 -> {
          oracle.writeInt((int) values[i]);
          out.writeInt((int) values[i]);
        }
        case 1 -> {
          oracle.writeLong(values[i]);
          out.writeLong(values[i]);
        }
        case 2 -> {
          oracle.writeBoolean(values[i] > 0);
          out.writeBoolean(values[i] > 0);
        }
        case 3 -> {
          oracle.writeUTF(strings[i]);
          out.writeUTF(strings[i]);
        }
        default -> {
          oracle.writeDouble(Double.longBitsToDouble(values[i]));
          out.writeDouble(Double.longBitsToDouble(values[i]));
        }
      }
    }
    oracle.flush();
    assertArrayEquals(bytes.toByteArray(), out.toByteArray());
    StateBytes.Input in = new StateBytes.Input(out.toByteArray());
    DataInputStream check = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    for (int i = 0; i < n; i++) {
      switch (i % 5) {
        case 0 -> assertEquals(check.readInt(), in.readInt());
        case 1 -> assertEquals(check.readLong(), in.readLong());
        case 2 -> assertEquals(check.readBoolean(), in.readBoolean());
        case 3 -> {
          assertEquals(strings[i], check.readUTF());
          assertEquals(strings[i], in.readUTF());
        }
        default ->
            assertEquals(
                Double.doubleToRawLongBits(check.readDouble()),
                Double.doubleToRawLongBits(in.readDouble()));
      }
    }
  }

  @Test
  void truncatedStateFailsAsEndOfFile() {
    StateBytes.Input in = new StateBytes.Input(new byte[] {0, 0, 0});
    assertThrows(EOFException.class, in::readInt);
  }
}
