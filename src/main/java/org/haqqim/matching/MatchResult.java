package org.haqqim.matching;

import java.util.List;
import java.util.Optional;

/**
 * What the bot understood of a question.
 *
 * @param decision whether to answer, to ask "did you mean", or to say it does not know;
 * or that the message was only a greeting or thanks
 * @param topic the topic to answer with; present only when the decision is
 * {@link Decision#ANSWER}
 * @param confidence how well the best topic matched, in [0,1]
 * @param alternatives other topics worth offering, best first (the candidates for "did
 * you mean")
 * @param language the language the question is written in, one of the bot's codes
 * @param urgent whether the question describes something happening now that needs help at
 * once
 */
public record MatchResult(Decision decision, Optional<String> topic, double confidence, List<String> alternatives,
		String language, boolean urgent) {

	public MatchResult {
		alternatives = List.copyOf(alternatives);
	}

	public enum Decision {

		/** One topic matched well and clearly better than the next. */
		ANSWER,

		/** Some topics matched, none clearly: offer them. */
		DID_YOU_MEAN,

		/** Nothing matched well enough. */
		NONE,

		/**
		 * Something the bot has no answer for but a person can help with (a death, a body
		 * to send home, a relative missing): say so and offer staff, guessing no topic.
		 */
		STAFF,

		/** Not a question but a greeting: say hello back and show what the bot can do. */
		GREETING,

		/** Not a question but thanks. */
		THANKS

	}

	/**
	 * The best-ranked topic whatever the decision: the answer, or the first "did you
	 * mean" choice.
	 */
	public Optional<String> bestTopic() {
		return this.topic.or(() -> this.alternatives.stream().findFirst());
	}

}
