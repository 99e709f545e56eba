package org.haqqim.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words a generated script cannot get right by its table, as {@code languages.yaml} lists
 * them for the language: Russian loanwords that Uzbek Cyrillic writes in their Russian
 * form ({@code koeffitsiyent} is {@code коэффициент}, not {@code коеффитсиент}), and
 * names that stay in Latin letters. A word written with a trailing {@code -} is a stem
 * and also covers the word with any ending.
 */
record Spellings(List<Spelling> all) {

	static final Spellings NONE = new Spellings(List.of());

	Spellings {
		all = all.stream().sorted(Comparator.comparingInt((Spelling s) -> s.latin().length()).reversed()).toList();
	}

	/**
	 * One word and how it is written.
	 *
	 * @param latin the word in lower case, with plain apostrophes
	 * @param written how the generated script writes it
	 * @param stem whether endings may follow
	 */
	record Spelling(String latin, String written, boolean stem) {

		static Spelling of(String word, String written) {
			boolean stem = word.endsWith("-");
			String latin = UzbekScript.normaliseApostrophes(stem ? word.substring(0, word.length() - 1) : word)
				.toLowerCase(Locale.ROOT);
			return new Spelling(latin, written, stem);
		}

	}

	/**
	 * The spelling of the word that starts at {@code at} in {@code text}, whose
	 * apostrophes are plain: the longest one that fits, a whole word unless it is a stem.
	 */
	Optional<Spelling> at(String text, int at) {
		for (Spelling spelling : this.all) {
			int end = at + spelling.latin().length();
			if (text.regionMatches(true, at, spelling.latin(), 0, spelling.latin().length())
					&& (spelling.stem() || end == text.length() || !UzbekScript.isWordChar(text.charAt(end)))) {
				return Optional.of(spelling);
			}
		}
		return Optional.empty();
	}

}
