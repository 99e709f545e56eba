package org.haqqim.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uzbek between its Latin and Cyrillic scripts, by the official correspondence (UNGEGN,
 * 2003): {@code e} is {@code э} at the start of a word and after a vowel and {@code е}
 * elsewhere, {@code ye} is {@code е}, {@code oʻ gʻ sh ch} are single letters, an
 * apostrophe between letters is the tutuq belgisi {@code ъ}. Placeholders, links, web and
 * e-mail addresses and commands are left as they are, and the words a table cannot get
 * right (Russian loanwords with {@code ц}, names kept in Latin letters) are taken from
 * the maintainers' {@link Spellings}.
 */
public final class UzbekScript {

	/** Every apostrophe people type for oʻ, gʻ and the tutuq belgisi. */
	public static final String APOSTROPHES = "'`ʻʼ’‘′";

	private static final Pattern PROTECTED = Pattern.compile("\\{[^}]*}|https?://\\S+|[\\w.+-]+@[\\w-]+\\.[\\w.-]+"
			+ "|(?<![\\p{L}\\d@.])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?:/\\S*)?"
			+ "|(?<![\\p{L}\\d])/[a-z_]+|\\*\\*");

	private static final Map<Character, String> SINGLE = Map.ofEntries(Map.entry('a', "а"), Map.entry('b', "б"),
			Map.entry('d', "д"), Map.entry('f', "ф"), Map.entry('g', "г"), Map.entry('h', "ҳ"), Map.entry('i', "и"),
			Map.entry('j', "ж"), Map.entry('k', "к"), Map.entry('l', "л"), Map.entry('m', "м"), Map.entry('n', "н"),
			Map.entry('o', "о"), Map.entry('p', "п"), Map.entry('q', "қ"), Map.entry('r', "р"), Map.entry('s', "с"),
			Map.entry('t', "т"), Map.entry('u', "у"), Map.entry('v', "в"), Map.entry('x', "х"), Map.entry('y', "й"),
			Map.entry('z', "з"), Map.entry('c', "с"), Map.entry('w', "в"));

	private static final Map<Character, String> CYRILLIC_TO_LATIN = Map.ofEntries(Map.entry('а', "a"),
			Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"), Map.entry('ж', "j"),
			Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"),
			Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
			Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "x"),
			Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "sh"), Map.entry('ъ', "'"), Map.entry('ы', "i"),
			Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ё', "yo"), Map.entry('ю', "yu"), Map.entry('я', "ya"),
			Map.entry('ў', "o'"), Map.entry('қ', "q"), Map.entry('ғ', "g'"), Map.entry('ҳ', "h"), Map.entry('ц', "ts"));

	private UzbekScript() {
	}

	/**
	 * Uzbek Latin to Uzbek Cyrillic, with the words the table cannot write spelled out.
	 */
	static String toCyrillic(String latin, Spellings spellings) {
		if (latin == null || latin.isEmpty()) {
			return latin;
		}
		StringBuilder result = new StringBuilder(latin.length());
		Matcher protectedParts = PROTECTED.matcher(latin);
		int at = 0;
		while (protectedParts.find()) {
			result.append(convert(latin.substring(at, protectedParts.start()), spellings));
			result.append(protectedParts.group());
			at = protectedParts.end();
		}
		result.append(convert(latin.substring(at), spellings));
		return result.toString();
	}

	private static String convert(String text, Spellings spellings) {
		String s = normaliseApostrophes(text);
		StringBuilder out = new StringBuilder(s.length());
		int i = 0;
		while (i < s.length()) {
			char original = s.charAt(i);
			char c = Character.toLowerCase(original);
			boolean upper = Character.isUpperCase(original);
			boolean wordStart = i == 0 || !isWordChar(s.charAt(i - 1));
			Optional<Spellings.Spelling> spelling = wordStart ? spellings.at(s, i) : Optional.empty();
			if (spelling.isPresent()) {
				out.append(inCaseOf(s.substring(i, i + spelling.get().latin().length()), spelling.get().written()));
				i += spelling.get().latin().length();
				continue;
			}
			char next = i + 1 < s.length() ? Character.toLowerCase(s.charAt(i + 1)) : 0;
			char afterNext = i + 2 < s.length() ? Character.toLowerCase(s.charAt(i + 2)) : 0;
			String letter;
			int consumed = 1;
			if ((c == 'o' || c == 'g') && next == '\'') {
				letter = c == 'o' ? "ў" : "ғ";
				consumed = 2;
			}
			else if (c == 's' && next == 'h') {
				letter = "ш";
				consumed = 2;
			}
			else if (c == 'c' && next == 'h') {
				letter = "ч";
				consumed = 2;
			}
			else if (c == 'y' && (next == 'a' || next == 'u' || next == 'e' || (next == 'o' && afterNext != '\''))) {
				letter = switch (next) {
					case 'a' -> "я";
					case 'u' -> "ю";
					case 'e' -> "е";
					default -> "ё";
				};
				consumed = 2;
			}
			else if (c == 't' && next == 's'
					&& (wordStart || s.startsWith("iya", i + 2) || s.startsWith("ion", i + 2))) {
				letter = "ц";
				consumed = 2;
			}
			else if (c == 'e') {
				boolean afterVowel = i > 0 && "aeiou".indexOf(Character.toLowerCase(s.charAt(i - 1))) >= 0;
				letter = (wordStart || afterVowel) ? "э" : "е";
			}
			else if (c == '\'') {
				boolean afterLetter = isLatinLetter(i > 0 ? s.charAt(i - 1) : 0);
				letter = afterLetter && Character.isLetter(next) ? "ъ" : (afterLetter ? "" : "'");
			}
			else {
				letter = SINGLE.getOrDefault(c, String.valueOf(original));
				if (!SINGLE.containsKey(c)) {
					upper = false;
				}
			}
			out.append(upper ? capitalise(letter, i, consumed, s) : letter);
			i += consumed;
		}
		return out.toString();
	}

	/** Uzbek Cyrillic (and the Russian letters in it) to Uzbek Latin. */
	public static String toLatin(String cyrillic) {
		StringBuilder out = new StringBuilder(cyrillic.length());
		for (int i = 0; i < cyrillic.length(); i++) {
			char original = cyrillic.charAt(i);
			char c = Character.toLowerCase(original);
			String letter;
			if (c == 'е') {
				boolean ye = i == 0 || !isWordChar(cyrillic.charAt(i - 1))
						|| "аеёиоуэюяўъь".indexOf(Character.toLowerCase(cyrillic.charAt(i - 1))) >= 0;
				letter = ye ? "ye" : "e";
			}
			else {
				letter = CYRILLIC_TO_LATIN.get(c);
				if (letter == null) {
					out.append(original);
					continue;
				}
			}
			out.append(Character.isUpperCase(original) && !letter.isEmpty()
					? Character.toUpperCase(letter.charAt(0)) + letter.substring(1) : letter);
		}
		return out.toString();
	}

	/** Replaces every kind of apostrophe with the plain one. */
	public static String normaliseApostrophes(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(APOSTROPHES.indexOf(c) >= 0 ? '\'' : c);
		}
		return out.toString();
	}

	/**
	 * A spelled word in the case the maintainer typed it: capitalised or all capitals.
	 */
	private static String inCaseOf(String typed, String written) {
		boolean allCapitals = typed.length() > 1
				&& typed.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
		if (allCapitals) {
			return written.toUpperCase(Locale.ROOT);
		}
		return Character.isUpperCase(typed.charAt(0))
				? written.substring(0, 1).toUpperCase(Locale.ROOT) + written.substring(1) : written;
	}

	private static String capitalise(String letter, int index, int consumed, String source) {
		if (letter.isEmpty()) {
			return letter;
		}
		boolean wholeWordUpper = consumed > 1 && index + 1 < source.length()
				&& Character.isUpperCase(source.charAt(index + 1));
		String first = letter.substring(0, 1).toUpperCase();
		return wholeWordUpper ? letter.toUpperCase() : first + letter.substring(1);
	}

	static boolean isWordChar(char c) {
		return Character.isLetter(c) || c == '\'';
	}

	private static boolean isLatinLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
