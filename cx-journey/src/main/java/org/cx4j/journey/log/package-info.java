/**
 * The columnar interaction store ({@link org.cx4j.journey.log.InteractionLog}) and the node
 * abstractions (touchpoint, channel, stage, renamed) that analyses count over.
 */
package org.cx4j.journey.log;
