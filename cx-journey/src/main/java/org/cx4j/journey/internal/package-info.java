/**
 * Unsupported internals of cx-journey: the flat sequence counters behind variants, exported only
 * because cx-spark's path counting (cx-spark is not a module) builds on them. Not part of the
 * public API: names, signatures and behaviour may change in any release without notice, and the
 * package is left out of the Javadoc. Do not use it.
 */
package org.cx4j.journey.internal;
