package org.cx4j.spark;

/**
 * What cx-spark does with a row whose key value (a score, a customer id, a timestamp) is null.
 * Mirrors the lenient and strict modes of cx-core's readers: nothing is ever dropped silently.
 *
 * <p>Values that are present but invalid (a score outside its scale, a second instrument in a
 * column that must hold one) are errors under both policies: the task fails and the driver's
 * exception names the function, the column and the value.
 */
public enum NullPolicy {
  /**
   * A null is counted, and the count is reported with the result (the {@code rejected} field of the
   * SQL functions' structs, {@code rejectedRows()} of the Dataset analytics); the row adds nothing
   * else. The default.
   */
  LENIENT,
  /** A null fails the job with an exception naming the function and the column. */
  STRICT
}
