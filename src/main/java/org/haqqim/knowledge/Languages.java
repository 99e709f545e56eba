package org.haqqim.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The languages of a knowledge directory as {@code languages.yaml} lists them: those
 * maintainers write, and those the bot generates from them, with the words each generated
 * one spells out and whether a native reader has checked how it is generated.
 *
 * @param reviewedGenerations the generated languages a native speaker has read
 */
record Languages(List<Language> all, String defaultLanguage, Map<String, Spellings> spellings,
		List<String> reviewedGenerations) {

	Languages {
		all = List.copyOf(all);
		spellings = Map.copyOf(spellings);
		reviewedGenerations = List.copyOf(reviewedGenerations);
	}

	/** The codes of the languages maintainers write; every text must exist in each. */
	List<String> written() {
		return this.all.stream().filter(language -> !language.isGenerated()).map(Language::code).toList();
	}

	List<Language> generated() {
		return this.all.stream().filter(Language::isGenerated).toList();
	}

	boolean isKnown(String code) {
		return this.all.stream().anyMatch(language -> language.code().equals(code));
	}

	/** A text of a generated language's source, in the generated language. */
	String transliterate(Language language, String text) {
		Spellings words = this.spellings.getOrDefault(language.code(), Spellings.NONE);
		return Transliteration.between(language.generatedFrom(), language.code())
			.map(transliteration -> transliteration.apply(text, words))
			.orElse(text);
	}

	/**
	 * How far a generated text can be trusted: no further than its source, and a draft
	 * while nobody who reads the generated script has checked the generation.
	 */
	TranslationStatus generatedStatus(Language language, TranslationStatus source) {
		return this.reviewedGenerations.contains(language.code()) ? source : TranslationStatus.DRAFT;
	}

}
