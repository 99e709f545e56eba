/**
 * Understanding a question however it is typed: folding scripts and spellings into one
 * form, light stemming, language and urgency detection, retrieval with Lucene and
 * re-ranking, the result cache, the questions the bot could not answer, and the
 * evaluation against a labelled set.
 */
package org.haqqim.matching;
