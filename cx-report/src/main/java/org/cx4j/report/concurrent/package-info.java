/** How the report uses a second core; internal to the module (not exported). */
package org.cx4j.report.concurrent;
