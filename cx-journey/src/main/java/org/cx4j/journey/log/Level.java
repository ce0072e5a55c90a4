package org.cx4j.journey.log;

/** The granularity at which journeys are analysed: each touchpoint, its channel, or its stage. */
public enum Level {
  /** Nodes are touchpoints, labelled by id. */
  TOUCHPOINT,
  /** Nodes are channels, labelled by channel name. */
  CHANNEL,
  /** Nodes are journey stages, labelled by stage name. */
  STAGE
}
