package org.haqqim.knowledge;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The languages the bot can write from another one's texts, so that maintainers write
 * them once: Uzbek in Cyrillic letters, from Uzbek in Latin letters. A language in
 * {@code languages.yaml} may be {@code generated-from} another only along one of these.
 */
enum Transliteration {

	UZBEK_CYRILLIC("uz", "uz-Cyrl", UzbekScript::toCyrillic);

	private final String from;

	private final String to;

	private final BiFunction<String, Spellings, String> convert;

	Transliteration(String from, String to, BiFunction<String, Spellings, String> convert) {
		this.from = from;
		this.to = to;
		this.convert = convert;
	}

	/** How to write {@code to} from {@code from}, if the bot knows how. */
	static Optional<Transliteration> between(String from, String to) {
		for (Transliteration transliteration : values()) {
			if (transliteration.from.equals(from) && transliteration.to.equals(to)) {
				return Optional.of(transliteration);
			}
		}
		return Optional.empty();
	}

	/** The language a language is written from, when the bot writes it itself. */
	static Optional<String> sourceOf(String to) {
		for (Transliteration transliteration : values()) {
			if (transliteration.to.equals(to)) {
				return Optional.of(transliteration.from);
			}
		}
		return Optional.empty();
	}

	/** What can be generated, for the validator's message. */
	static String known() {
		StringBuilder known = new StringBuilder();
		for (Transliteration transliteration : values()) {
			known.append(known.length() == 0 ? "" : ", ")
				.append(transliteration.to)
				.append(" from ")
				.append(transliteration.from);
		}
		return known.toString();
	}

	String apply(String text, Spellings spellings) {
		return text == null || text.isEmpty() ? text : this.convert.apply(text, spellings);
	}

}
