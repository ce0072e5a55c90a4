package org.cx4j.journey.funnel;

/** What a funnel counts once: each journey, or each customer (over all their journeys' events). */
public enum CountingUnit {
  /** Each journey counts once, by its best attempt. */
  JOURNEY,
  /**
   * Each customer counts once, by the best attempt over all their events, ordered by (timestamp,
   * input position) across journeys whatever their journey ids.
   */
  CUSTOMER
}
