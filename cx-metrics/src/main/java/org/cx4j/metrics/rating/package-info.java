/** General ratings on any bounded scale: top box, bottom box, mean and distribution. */
package org.cx4j.metrics.rating;
