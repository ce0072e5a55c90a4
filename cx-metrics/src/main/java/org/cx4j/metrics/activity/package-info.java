/**
 * Columnar customer activity (who and when), the shared input of the retention and survival models:
 * {@link org.cx4j.metrics.activity.ActivityLog}.
 *
 * <pre>{@code
 * ActivityLog log = ActivityLog.fromTransactions(transactions);
 * ActivityLog big = ActivityLog.of(customerCodes, epochMillis);   // primitive columns
 * }</pre>
 */
package org.cx4j.metrics.activity;
