/** Names as users type them: {@link org.cx4j.core.naming.EditDistance} for suggestions. */
package org.cx4j.core.naming;
