/** The transition (directly-follows) graph of journeys, with exact timing per edge. */
package org.cx4j.journey.graph;
