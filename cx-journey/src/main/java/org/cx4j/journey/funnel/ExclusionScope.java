package org.cx4j.journey.funnel;

/** What an excluded event does to a unit (see {@link Funnel}, rule 5 of the definition). */
public enum ExclusionScope {
  /**
   * The default: an excluded event strictly between two matched step events breaks that chain only;
   * other chains and other attempts of the unit still count.
   */
  BREAK_CHAIN,
  /**
   * PostHog's rule: a unit whose furthest step with exclusions applied is lower than its furthest
   * step with exclusions ignored (an excluded event stood in the way of its progress) counts at no
   * step at all.
   */
  DROP_UNIT
}
