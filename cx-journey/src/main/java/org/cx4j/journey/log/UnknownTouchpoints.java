package org.cx4j.journey.log;

/**
 * What {@link InteractionLog.Builder} does with an interaction whose touchpoint it does not know.
 */
public enum UnknownTouchpoints {
  /** Throw an {@link IllegalArgumentException} naming the touchpoint and the interaction. */
  REJECT,
  /** Add the touchpoint to the dictionary, with the channel and stage the interaction carries. */
  REGISTER
}
