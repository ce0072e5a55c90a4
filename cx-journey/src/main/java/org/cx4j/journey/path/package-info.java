/** Path analysis (next and previous steps from an anchor) and channel switching. */
package org.cx4j.journey.path;
