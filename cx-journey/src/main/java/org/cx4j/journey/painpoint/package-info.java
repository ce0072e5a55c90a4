/** Pain points and moments of delight per touchpoint or stage, with decomposed scores. */
package org.cx4j.journey.painpoint;
