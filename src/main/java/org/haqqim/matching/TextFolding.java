package org.haqqim.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.haqqim.knowledge.UzbekScript;

/**
 * Folds text into one spelling, so that the ways people type a word meet: Cyrillic and
 * Latin ("задержали", "zaderjali"), Uzbek with and without apostrophes ("roʻyxat",
 * "royxat", "рўйхат"), Kyrgyz and Tajik letters and their Russian-keyboard stand-ins
 * ("паспортумду", "паспортумду"; "ҷавоб", "чавоб"), and the digraphs transliteration uses
 * ("kh"/"x"/"h", "zh"/"j", "ts"/"s", "q"/"k"). The folded form is for comparing only;
 * nobody reads it.
 */
final class TextFolding {

	/**
	 * Latin and Cyrillic letters, digits and punctuation (typographic apostrophes and
	 * quotes included) that NFKC leaves as they are, whatever surrounds them; combining
	 * marks and other scripts are not among them. A message made only of these needs no
	 * check, and almost every message is.
	 */
	private static final BitSet STABLE = stableCharacters();

	private TextFolding() {
	}

	/** The text's words, folded. */
	static List<String> words(String text) {
		String folded = fold(text);
		List<String> words = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= folded.length(); i++) {
			boolean letter = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				words.add(folded.substring(start, i));
				start = -1;
			}
		}
		return words;
	}

	/**
	 * The whole text folded: lower case, Latin letters only, apostrophes gone, spelling
	 * variants merged.
	 */
	static String fold(String text) {
		String compatible = compatible(text);
		StringBuilder latin = new StringBuilder(compatible.length() + 8);
		for (int i = 0; i < compatible.length(); i++) {
			char c = lowerCase(compatible.charAt(i));
			if (UzbekScript.APOSTROPHES.indexOf(c) >= 0) {
				continue;
			}
			String mapped = cyrillic(c);
			latin.append(mapped != null ? mapped : c);
		}
		return mergeSpellings(latin);
	}

	/**
	 * The text in Unicode's compatibility form (NFKC: full-width letters, ligatures and
	 * composed accents made plain). Most messages already are, and checking is much
	 * cheaper than normalising.
	 */
	static String compatible(String text) {
		if (allStable(text) || Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
			return text;
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

	private static boolean allStable(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!STABLE.get(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static BitSet stableCharacters() {
		BitSet stable = new BitSet(0x2070);
		for (char c = 0; c < 0x2070; c++) {
			int type = Character.getType(c);
			boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
					|| type == Character.ENCLOSING_MARK;
			if (!mark && !Character.isSurrogate(c)
					&& Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFKC)) {
				stable.set(c);
			}
		}
		return stable;
	}

	/**
	 * A letter in lower case, without a table lookup for the Latin and Cyrillic capitals
	 * that make up almost every message: lowering was the largest single cost of folding.
	 */
	private static char lowerCase(char c) {
		if (c < 0x80) {
			return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
		}
		if (c >= 'А' && c <= 'Я') {
			return (char) (c + 32);
		}
		if (c >= 'а' && c <= 'я') {
			return c;
		}
		return Character.toLowerCase(c);
	}

	private static String cyrillic(char c) {
		return switch (c) {
			case 'а', 'ә' -> "a";
			case 'б' -> "b";
			case 'в' -> "v";
			case 'г', 'ғ', 'ѓ' -> "g";
			case 'д' -> "d";
			case 'е', 'ё', 'э' -> "e";
			case 'ж' -> "j";
			case 'з' -> "z";
			case 'и', 'ӣ', 'і', 'ї', 'ы' -> "i";
			case 'й' -> "y";
			case 'к', 'қ', 'ќ' -> "k";
			case 'л' -> "l";
			case 'м' -> "m";
			case 'н', 'ң' -> "n";
			case 'о', 'ө', 'ў' -> "o";
			case 'п' -> "p";
			case 'р' -> "r";
			case 'с', 'ц' -> "s";
			case 'т' -> "t";
			case 'у', 'ү', 'ӯ', 'ұ' -> "u";
			case 'ф' -> "f";
			case 'х', 'ҳ', 'һ' -> "h";
			// Tajiks type ҷ as ч on a Russian keyboard, so the two meet here.
			case 'ч', 'ҷ', 'љ' -> "ch";
			case 'ш', 'щ' -> "sh";
			case 'ъ', 'ь' -> "";
			case 'ю' -> "yu";
			case 'я' -> "ya";
			default -> null;
		};
	}

	/**
	 * Merges the Latin spellings of one sound, and doubled letters, into a single form.
	 */
	private static String mergeSpellings(CharSequence latin) {
		String s = latin.toString();
		s = s.replace("sch", "sh")
			.replace("dzh", "j")
			.replace("zh", "j")
			.replace("dj", "j")
			.replace("kh", "h")
			.replace("ts", "s")
			.replace("tz", "s");
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
			char previous = out.length() > 0 ? out.charAt(out.length() - 1) : 0;
			char mapped = switch (c) {
				case 'x' -> 'h';
				case 'q' -> 'k';
				case 'w' -> 'v';
				case 'c' -> next == 'h' ? 'c' : 's';
				case 'y' -> isVowel(next) ? 'y' : 'i';
				default -> c;
			};
			if (mapped == 'e' && previous == 'y') {
				out.setLength(out.length() - 1);
			}
			else if (mapped == 'o' && previous == 'y' && (out.length() < 2 || !isVowel(out.charAt(out.length() - 2)))) {
				out.setLength(out.length() - 1);
				mapped = 'e';
			}
			if (mapped == previous && Character.isLetter(mapped)) {
				continue;
			}
			out.append(mapped);
		}
		return out.toString();
	}

	private static boolean isVowel(char c) {
		return "aeiou".indexOf(c) >= 0;
	}

}
