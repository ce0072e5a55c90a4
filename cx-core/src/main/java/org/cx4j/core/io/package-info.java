/**
 * Streaming readers and writers of the domain records: CSV (comma, semicolon, tab, whitespace) and
 * JSON Lines, through Jackson's streaming parsers, in constant memory.
 *
 * <p>Start from {@link org.cx4j.core.io.CxReaders} and {@link org.cx4j.core.io.CxWriters}. A {@link
 * org.cx4j.core.io.ColumnMapping} maps the logical {@link org.cx4j.core.io.Field}s to a user's
 * column names; a {@link org.cx4j.core.io.TimestampFormat} says how times are written. Strict
 * readers throw a {@link org.cx4j.core.io.CxReadException} at the first bad row; lenient readers
 * skip bad rows, count them in a {@link org.cx4j.core.io.ReadReport} and pass each to an {@link
 * org.cx4j.core.io.ErrorSink}.
 */
package org.cx4j.core.io;
