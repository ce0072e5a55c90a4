package org.cx4j.journey.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The two-byte header of every journey partial state ({@code writeTo}/{@code mergeFrom} of the
 * funnel, transition-graph and variant accumulators): the format version, then the family of the
 * state, so that a state of one kind handed to another kind's {@code mergeFrom}, or a state from a
 * newer build, fails at once with a message that says so instead of as a garbled count.
 *
 * <p>Unsupported: public only for the accumulators in the other journey packages.
 */
public final class PartialStates {

  /** The format version every journey accumulator writes first, and the newest one reads. */
  public static final byte FORMAT_VERSION = 1;

  /** What a state holds: the second byte of its header. */
  public enum Family {
    /** {@code Funnel.Accumulator}. */
    FUNNEL('F', "funnel"),
    /** {@code TransitionGraph.Accumulator}. */
    TRANSITION_GRAPH('G', "transition-graph"),
    /** {@code Variants.Accumulator}. */
    VARIANTS('V', "variants");

    private final byte tag;
    private final String label;

    Family(char tag, String label) {
      this.tag = (byte) tag;
      this.label = label;
    }
  }

  private PartialStates() {}

  /** Writes the header of a state of {@code family}. */
  public static void writeHeader(DataOutput out, Family family) throws IOException {
    out.writeByte(FORMAT_VERSION);
    out.writeByte(family.tag);
  }

  /**
   * Reads a header and checks it announces version {@link #FORMAT_VERSION} of {@code expected}.
   *
   * @throws IOException if {@code in} fails or ends early
   * @throws IllegalArgumentException naming the version or family read when they are not the
   *     expected ones
   */
  public static void readHeader(DataInput in, Family expected) throws IOException {
    byte version = in.readByte();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          expected.label
              + " state format version "
              + version
              + " is not one this build reads (it reads "
              + FORMAT_VERSION
              + ")");
    }
    byte tag = in.readByte();
    if (tag != expected.tag) {
      String found = "unknown family " + tag;
      for (Family f : Family.values()) {
        if (f.tag == tag) {
          found = "a " + f.label + " state";
        }
      }
      throw new IllegalArgumentException("expected a " + expected.label + " state, found " + found);
    }
  }
}
