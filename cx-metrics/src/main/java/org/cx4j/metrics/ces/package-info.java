/** Customer Effort Score: mean and share of easy answers, with configurable scale and direction. */
package org.cx4j.metrics.ces;
