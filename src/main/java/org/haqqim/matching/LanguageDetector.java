package org.haqqim.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;
import org.haqqim.knowledge.UzbekScript;

/**
 * Tells which of the bot's languages a message is written in. The script narrows the
 * choice (Latin: Uzbek, English, and Russian, Kyrgyz and Tajik typed in Latin letters;
 * Cyrillic: Uzbek, Russian, Kyrgyz, Tajik), letters and common words (from
 * {@code knowledge/matching/common-words.yaml}) that only one or two languages use weigh
 * heavily, and character trigrams learnt from the knowledge base's own texts decide the
 * rest. Kyrgyz, Tajik and Uzbek Cyrillic are also learnt as typed on a Russian keyboard,
 * without their special letters. Telegram's app language only tilts a close call.
 */
final class LanguageDetector {

	private static final double HINT_BONUS = 1.5;

	/**
	 * Unicode's Cyrillic block, which holds every letter of the bot's Cyrillic languages.
	 */
	private static final char CYRILLIC_FIRST = '\u0400';

	private static final char CYRILLIC_LAST = '\u04FF';

	/**
	 * Cyrillic languages people also type in Latin letters, on phones without a Cyrillic
	 * keyboard; Uzbek has its own Latin texts.
	 */
	private static final Set<String> TYPED_IN_LATIN_TOO = Set.of("ru", "ky", "tg");

	/**
	 * Most people who write to the bot in Latin letters write Uzbek, so Kyrgyz and Tajik
	 * in Latin letters must win clearly: without this, short Uzbek messages ("salom aka",
	 * "dollar kursi necha bugun") read as Kyrgyz or Tajik.
	 */
	private static final Set<String> TYPED_IN_LATIN_RARELY = Set.of("ky", "tg");

	private static final double LATIN_PRIOR = 10.0;

	private static final double LETTER_BONUS = 6.0;

	/**
	 * A common word of one or two languages ("salom", "спасибо", "hello") weighs as much
	 * as a distinctive letter: greetings and short questions have too few letters for the
	 * trigrams to decide.
	 */
	private static final double COMMON_WORD_BONUS = 6.0;

	private final Map<String, Model> latinModels = new HashMap<>();

	private final Map<String, Model> cyrillicModels = new HashMap<>();

	private Table latin;

	private Table cyrillic;

	private final String fallback;

	/**
	 * For each word of the maintainers' lists of common words (question words, pronouns,
	 * greetings), the languages that list it: such words are the surest sign of a
	 * language in a short message.
	 */
	private final Map<String, Set<String>> commonWordLanguages = new HashMap<>();

	private LanguageDetector(String fallback) {
		this.fallback = fallback;
	}

	static LanguageDetector train(KnowledgeBase knowledge) {
		LanguageDetector detector = new LanguageDetector(knowledge.defaultLanguage());
		Map<String, StringBuilder> corpora = new HashMap<>();
		for (Topic topic : knowledge.topics()) {
			topic.texts().forEach((language, text) -> {
				StringBuilder corpus = corpora.computeIfAbsent(language, l -> new StringBuilder());
				corpus.append(text.title())
					.append('\n')
					.append(text.answer())
					.append('\n')
					.append(text.details())
					.append('\n');
				text.questions().forEach(question -> corpus.append(question).append('\n'));
				text.keywords().forEach(keyword -> corpus.append(keyword).append('\n'));
			});
		}
		corpora.forEach((language, corpus) -> {
			String text = lower(corpus.toString());
			if (cyrillicShare(text) > 0.5) {
				Model model = new Model();
				model.learn(text);
				model.learn(russianKeyboard(text));
				detector.cyrillicModels.put(language, model);
				if (TYPED_IN_LATIN_TOO.contains(language)) {
					Model typedInLatin = detector.latinModels.computeIfAbsent(language, l -> new Model());
					typedInLatin.learn(TextFolding.fold(text));
				}
			}
			else {
				detector.latinModels.computeIfAbsent(language, l -> new Model()).learn(TextFolding.fold(text));
			}
		});
		List<String> russianQuestionsInLatin = new ArrayList<>();
		for (Topic topic : knowledge.topics()) {
			topic.findText("ru")
				.ifPresent(text -> text.questions()
					.stream()
					.filter(question -> cyrillicShare(question) < 0.5)
					.forEach(russianQuestionsInLatin::add));
		}
		Model russianLatin = detector.latinModels.computeIfAbsent("ru", l -> new Model());
		russianQuestionsInLatin.forEach(question -> russianLatin.learn(TextFolding.fold(question)));
		knowledge.lexicon()
			.commonWords()
			.forEach(
					(language,
							words) -> words.forEach(word -> TextFolding.words(word)
								.forEach(folded -> detector.commonWordLanguages
									.computeIfAbsent(folded, w -> new HashSet<>())
									.add(language))));
		detector.latin = new Table(detector.latinModels, knowledge::writtenLanguageOf);
		detector.cyrillic = new Table(detector.cyrillicModels, knowledge::writtenLanguageOf);
		return detector;
	}

	/**
	 * The language of the text; {@code hint} (one of the bot's codes, or null) tilts a
	 * close call.
	 * @param words the text's folded words
	 */
	String detect(String text, String[] words, String hint) {
		String lower = lower(text);
		double cyrillic = cyrillicShare(lower);
		if (Double.isNaN(cyrillic)) {
			return hint != null ? hint : this.fallback;
		}
		boolean isCyrillic = cyrillic >= 0.5;
		Table table = isCyrillic ? this.cyrillic : this.latin;
		String sample = isCyrillic ? lower : TextFolding.fold(lower);
		double[] likelihoods = table.logLikelihoods(sample);
		int[] commonWords = commonWords(words, table);
		String best = null;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int l = 0; l < table.languages.length; l++) {
			String language = table.languages[l];
			double score = likelihoods[l];
			score += LETTER_BONUS
					* (isCyrillic ? distinctiveLetters(lower, language) : uzbekLatinLetters(lower, language));
			score += COMMON_WORD_BONUS * commonWords[l];
			if (!isCyrillic && TYPED_IN_LATIN_RARELY.contains(language)) {
				score -= LATIN_PRIOR;
			}
			if (language.equals(hint)) {
				score += HINT_BONUS;
			}
			if (score > bestScore) {
				bestScore = score;
				best = language;
			}
		}
		return best == null ? this.fallback : best;
	}

	/**
	 * For each of the table's languages, how many of the words are common words of it and
	 * of at most one other.
	 */
	private int[] commonWords(String[] words, Table table) {
		int[] counts = new int[table.languages.length];
		for (String word : words) {
			Set<String> languages = this.commonWordLanguages.get(word);
			if (languages == null || languages.size() > 2) {
				continue;
			}
			for (int l = 0; l < counts.length; l++) {
				if (languages.contains(table.commonWordLists[l])) {
					counts[l]++;
				}
			}
		}
		return counts;
	}

	/** Letters that belong to one or two of the Cyrillic languages only. */
	private static int distinctiveLetters(String text, String language) {
		LetterWeight weight = switch (language) {
			case "uz-Cyrl" -> c -> (c == 'ў') ? 2 : (c == 'қ' || c == 'ғ' || c == 'ҳ') ? 1
					: (c == 'ӣ' || c == 'ӯ' || c == 'ҷ' || c == 'ң' || c == 'ө' || c == 'ү') ? -2 : 0;
			case "tg" -> c -> (c == 'ӣ' || c == 'ӯ' || c == 'ҷ') ? 2
					: (c == 'қ' || c == 'ғ' || c == 'ҳ') ? 1 : (c == 'ў' || c == 'ң' || c == 'ө' || c == 'ү') ? -2 : 0;
			case "ky" -> c -> (c == 'ң' || c == 'ө' || c == 'ү') ? 2
					: (c == 'ў' || c == 'ӣ' || c == 'ӯ' || c == 'ҷ' || c == 'қ' || c == 'ғ' || c == 'ҳ') ? -2 : 0;
			case "ru" -> c -> (c == 'ы' || c == 'щ' || c == 'ь') ? 1 : (c == 'ў' || c == 'ӣ' || c == 'ӯ' || c == 'ҷ'
					|| c == 'ң' || c == 'ө' || c == 'ү' || c == 'қ' || c == 'ғ' || c == 'ҳ') ? -2 : 0;
			default -> null;
		};
		if (weight == null) {
			return 0;
		}
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			count += weight.of(text.charAt(i));
		}
		return Math.max(-6, Math.min(6, count));
	}

	@FunctionalInterface
	private interface LetterWeight {

		int of(char letter);

	}

	/**
	 * Uzbek Latin's own letters (q, x, oʻ, gʻ) in a Latin text: they speak for Uzbek and
	 * against Kyrgyz and Tajik typed in Latin letters, which are otherwise hard to tell
	 * from Uzbek.
	 */
	private static int uzbekLatinLetters(String text, String language) {
		int sign = switch (language) {
			case "uz" -> 1;
			case "ky", "tg" -> -1;
			default -> 0;
		};
		if (sign == 0) {
			return 0;
		}
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean uzbek = c == 'q' || c == 'x' || (UzbekScript.APOSTROPHES.indexOf(c) >= 0 && i > 0
					&& (text.charAt(i - 1) == 'o' || text.charAt(i - 1) == 'g'));
			if (uzbek) {
				count++;
			}
		}
		return sign * Math.min(6, count);
	}

	/**
	 * The text as someone types it on a Russian keyboard, without the letters Russian
	 * lacks.
	 */
	static String russianKeyboard(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(switch (c) {
				case 'ҳ' -> 'х';
				case 'ҷ' -> 'ч';
				case 'қ' -> 'к';
				case 'ғ' -> 'г';
				case 'ӯ', 'ү', 'ў' -> 'у';
				case 'ӣ' -> 'и';
				case 'ө' -> 'о';
				case 'ң' -> 'н';
				default -> c;
			});
		}
		return out.toString();
	}

	private static String lower(String text) {
		return UzbekScript.normaliseApostrophes(TextFolding.compatible(text)).toLowerCase(Locale.ROOT);
	}

	/**
	 * The share of letters that are Cyrillic, or NaN when there are no letters at all.
	 */
	private static double cyrillicShare(String text) {
		int letters = 0;
		int cyrillic = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				letters++;
				if (c >= CYRILLIC_FIRST && c <= CYRILLIC_LAST) {
					cyrillic++;
				}
			}
		}
		return letters == 0 ? Double.NaN : (double) cyrillic / letters;
	}

	/** Character trigram counts of one language while learning. */
	private static final class Model {

		private final Map<Long, Integer> counts = new HashMap<>();

		private long total;

		void learn(String text) {
			forEachTrigram(text, trigram -> {
				this.counts.merge(trigram, 1, Integer::sum);
				this.total++;
			});
		}

	}

	/**
	 * The learnt models of one script as one table: for each trigram, its smoothed
	 * log-probability in every language, so that scoring a text looks each of its
	 * trigrams up once. Trigrams are packed into a long and kept in an open-addressing
	 * table: a message is scored without making a string per trigram.
	 */
	private static final class Table {

		private final String[] languages;

		/**
		 * The language whose common words count for each language: a generated language's
		 * are those of the language it is written from.
		 */
		private final String[] commonWordLists;

		/**
		 * Packed trigrams; 0 marks a free slot (no trigram packs to 0: each holds a
		 * letter or a space).
		 */
		private final long[] trigrams;

		private final double[][] logProbabilities;

		private final int mask;

		private final double[] unseen;

		Table(Map<String, Model> models, UnaryOperator<String> writtenLanguageOf) {
			this.languages = models.keySet().toArray(String[]::new);
			this.commonWordLists = Arrays.stream(this.languages).map(writtenLanguageOf).toArray(String[]::new);
			this.unseen = new double[this.languages.length];
			Map<Long, double[]> byTrigram = new HashMap<>();
			for (int l = 0; l < this.languages.length; l++) {
				Model model = models.get(this.languages[l]);
				double denominator = model.total + 0.5 * (model.counts.size() + 1.0);
				this.unseen[l] = Math.log(0.5 / denominator);
				int language = l;
				model.counts.forEach((trigram,
						count) -> byTrigram.computeIfAbsent(trigram,
								t -> new double[this.languages.length])[language] = Math
									.log((count + 0.5) / denominator));
			}
			int capacity = Integer.highestOneBit(Math.max(16, byTrigram.size() * 2)) * 2;
			this.trigrams = new long[capacity];
			this.logProbabilities = new double[capacity][];
			this.mask = capacity - 1;
			byTrigram.forEach((trigram, values) -> {
				for (int l = 0; l < values.length; l++) {
					if (values[l] == 0) {
						values[l] = this.unseen[l];
					}
				}
				int slot = slot(trigram);
				this.trigrams[slot] = trigram;
				this.logProbabilities[slot] = values;
			});
		}

		double[] logLikelihoods(String text) {
			double[] sums = new double[this.languages.length];
			forEachTrigram(text, trigram -> {
				double[] values = this.logProbabilities[slot(trigram)];
				if (values == null) {
					values = this.unseen;
				}
				for (int l = 0; l < sums.length; l++) {
					sums[l] += values[l];
				}
			});
			return sums;
		}

		/** The trigram's slot, or the free slot where it would go. */
		private int slot(long trigram) {
			int slot = Long.hashCode(trigram * 0x9E3779B97F4A7C15L) & this.mask;
			while (this.trigrams[slot] != 0 && this.trigrams[slot] != trigram) {
				slot = (slot + 1) & this.mask;
			}
			return slot;
		}

	}

	/**
	 * The text's trigrams, each packed into a long, with runs of anything but letters as
	 * one space, and a space around it.
	 */
	private static void forEachTrigram(String text, LongConsumer action) {
		char[] letters = new char[text.length() + 2];
		int length = 0;
		letters[length++] = ' ';
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				letters[length++] = c;
			}
			else if (letters[length - 1] != ' ') {
				letters[length++] = ' ';
			}
		}
		if (letters[length - 1] != ' ') {
			letters[length++] = ' ';
		}
		for (int i = 0; i + 3 <= length; i++) {
			action.accept((long) letters[i] << 32 | (long) letters[i + 1] << 16 | letters[i + 2]);
		}
	}

}
