/**
 * Sentiment and themes of free-text customer comments. {@link org.cx4j.text.SentimentAnalyzer}
 * scores a comment in the manner of VADER (Hutto &amp; Gilbert 2014); {@link
 * org.cx4j.text.FightinWords} finds the words and phrases that distinguish two groups of comments
 * (Monroe, Colaresi &amp; Quinn 2008); {@link org.cx4j.text.ThemeDictionary} counts the themes a CX
 * team maintains. English only.
 */
package org.cx4j.text;
