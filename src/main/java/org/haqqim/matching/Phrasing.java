package org.haqqim.matching;

/**
 * One way of asking about a topic (a title, an example question, a keyword), analysed
 * once when the index is built: its terms by number in the {@link TermTable}, and how
 * much each weighs (rare words more, common words nothing).
 */
record Phrasing(String topic, int[] terms, double[] weights, double weightSum) {
}
