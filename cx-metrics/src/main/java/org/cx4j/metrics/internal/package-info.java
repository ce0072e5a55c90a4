/**
 * Unsupported internals of cx4j, exported only because cx-spark and the benchmarks (which are not
 * modules) call them. Not part of the public API: names, signatures and behaviour may change in any
 * release without notice, and the package is left out of the Javadoc. Do not use it.
 */
package org.cx4j.metrics.internal;
