package org.haqqim.matching;

/**
 * What the matcher knows about one topic it could answer a message with, as the numbers
 * the confidence model weighs. The names are the keys of the fitted model's file.
 */
enum Evidence {

	/** How well the whole question matched the topic, in [0,1]. */
	SCORE("score"),

	/** How well the question's most telling words matched it. */
	REACH("reach"),

	/** The score minus the best score of any other topic: negative when another leads. */
	SCORE_LEAD("score-lead"),

	/** The reach minus the best reach of any other topic. */
	REACH_LEAD("reach-lead"),

	/** 1 when no topic scores higher. */
	FIRST_BY_SCORE("first-by-score"),

	/** 1 when no topic reaches further. */
	FIRST_BY_REACH("first-by-reach"),

	/** 1 when a situation the message tells points at this topic. */
	SITUATION_HERE("situation-here"),

	/** 1 when a situation the message tells points at another topic. */
	SITUATION_ELSEWHERE("situation-elsewhere"),

	/** 1 when the message tells any situation at all. */
	SITUATION_TOLD("situation-told"),

	/** The logarithm of one plus the number of words that are not common words. */
	WORDS("log-words"),

	/** 1 when the topic does not apply to the citizenship asked for. */
	OTHER_CITIZENSHIP("other-citizenship"),

	/** How well the topic's single best phrasing matched. */
	PHRASING("phrasing"),

	/** The share of the question's weight the topic's words cover. */
	COVERAGE("coverage"),

	/** How well the question's most specific word tells topics apart. */
	SPECIFICITY("specificity"),

	/** 1 when the message is urgent. */
	URGENT("urgent");

	private final String key;

	Evidence(String key) {
		this.key = key;
	}

	String key() {
		return this.key;
	}

}
