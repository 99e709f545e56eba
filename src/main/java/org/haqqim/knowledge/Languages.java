package org.haqqim.knowledge;

import java.util.List;

/**
 * The languages of a knowledge directory as {@code languages.yaml} lists them: those
 * maintainers write, and those the bot generates from them.
 */
record Languages(List<Language> all, String defaultLanguage) {

	Languages {
		all = List.copyOf(all);
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
		return Transliteration.between(language.generatedFrom(), language.code())
			.map(transliteration -> transliteration.apply(text))
			.orElse(text);
	}

}
