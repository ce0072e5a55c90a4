/**
 * Event logs as process-mining tools exchange them: {@link org.cx4j.journey.eventlog.EventLog}
 * (traces of events with typed attributes), IEEE 1849 XES read and written with StAX ({@link
 * org.cx4j.journey.eventlog.Xes}), CSV with a case / activity / timestamp mapping ({@link
 * org.cx4j.journey.eventlog.EventLogCsv}), and the conversion to an interaction log with an
 * inferred touchpoint catalogue.
 */
package org.cx4j.journey.eventlog;
