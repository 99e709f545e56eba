package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One topic of the knowledge base, with its texts in every language (Uzbek Cyrillic
 * included, generated from Uzbek Latin where the file does not override it).
 */
public record Topic(String id, String category, boolean urgent, List<String> related, Set<Citizenship> citizenships,
		List<Source> sources, LocalDate reviewedOn, String reviewedBy, Map<String, Text> texts) {

	/**
	 * Texts and citizenships keep the order of the file: {@code Map.copyOf} would iterate
	 * in an order that changes from one start to the next, and with it the order of the
	 * matcher's index and which of two equally good phrasings it keeps.
	 */
	public Topic {
		related = List.copyOf(related);
		citizenships = Collections.unmodifiableSet(new LinkedHashSet<>(citizenships));
		sources = List.copyOf(sources);
		texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
	}

	/** The topic's text in a language; every valid topic has one for every language. */
	public Text text(String language) {
		Text text = this.texts.get(language);
		if (text == null) {
			throw new IllegalArgumentException("Topic '" + this.id + "' has no text in language '" + language + "'");
		}
		return text;
	}

	public Optional<Text> findText(String language) {
		return Optional.ofNullable(this.texts.get(language));
	}

	public boolean appliesTo(Citizenship citizenship) {
		return this.citizenships.contains(citizenship);
	}

	/** A topic's words in one language. {@code details} may be empty. */
	public record Text(TranslationStatus status, String title, String answer, String details, List<String> questions,
			List<String> keywords) {

		public Text {
			questions = List.copyOf(questions);
			keywords = List.copyOf(keywords);
		}

		public boolean hasDetails() {
			return this.details != null && !this.details.isBlank();
		}

		/**
		 * Every way of asking about the topic in this language: the title, the questions,
		 * the keywords.
		 */
		public List<String> phrasings() {
			List<String> phrasings = new java.util.ArrayList<>(1 + this.questions.size() + this.keywords.size());
			phrasings.add(this.title);
			phrasings.addAll(this.questions);
			phrasings.addAll(this.keywords);
			return phrasings;
		}

	}

}
