package org.haqqim.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A knowledge base made up from generated words: a vocabulary of pseudo-words of 4–10
 * letters with a Zipf-like frequency (a few words appear everywhere, most are rare), and
 * topics whose ~20 phrasings of 3–8 words come mostly from the topic's own pool of words,
 * plus words from the whole vocabulary.
 */
final class SyntheticKnowledge {

	static final int VOCABULARY = 20_000;

	/** Zipf exponent of word frequencies. */
	static final double ZIPF = 1.0;

	/** Words of its own that a topic's phrasings draw on. */
	static final int POOL = 14;

	/**
	 * The share of a phrasing's words that come from the topic's pool, the rest from the
	 * whole vocabulary.
	 */
	static final double FROM_POOL = 0.75;

	private static final String CONSONANTS = "bdfgklmnprstvz";

	private static final String VOWELS = "aeiou";

	final String[] vocabulary;

	/** Cumulative Zipf probabilities over the vocabulary's ranks. */
	private final double[] cumulative;

	/** Topic id to its phrasings, as people would type them. */
	final Map<String, List<String>> phrasings;

	private final String[] topicIds;

	private SyntheticKnowledge(String[] vocabulary, double[] cumulative, Map<String, List<String>> phrasings) {
		this.vocabulary = vocabulary;
		this.cumulative = cumulative;
		this.phrasings = phrasings;
		this.topicIds = phrasings.keySet().toArray(String[]::new);
	}

	static SyntheticKnowledge generate(int topics, long seed) {
		Random random = new Random(seed);
		String[] vocabulary = vocabulary(random);
		double[] cumulative = zipf(vocabulary.length);
		SyntheticKnowledge words = new SyntheticKnowledge(vocabulary, cumulative, Map.of());
		Map<String, List<String>> phrasings = new LinkedHashMap<>();
		for (int t = 0; t < topics; t++) {
			// The pool: mostly mid-frequency and rare words, the topic's own terms.
			String[] pool = new String[POOL];
			for (int i = 0; i < POOL; i++) {
				pool[i] = i < 3 ? vocabulary[200 + random.nextInt(vocabulary.length - 200)] : words.zipfWord(random);
			}
			int count = 15 + random.nextInt(11);
			Set<String> texts = new LinkedHashSet<>();
			for (int p = 0; p < count * 2 && texts.size() < count; p++) {
				int length = 3 + random.nextInt(6);
				StringBuilder text = new StringBuilder();
				for (int w = 0; w < length; w++) {
					String word = random.nextDouble() < FROM_POOL ? pool[random.nextInt(POOL)] : words.zipfWord(random);
					text.append(w == 0 ? "" : " ").append(word);
				}
				texts.add(text.toString());
			}
			phrasings.put("topic-" + t, List.copyOf(texts));
		}
		return new SyntheticKnowledge(vocabulary, cumulative, phrasings);
	}

	/**
	 * Pronounceable words, already in the matcher's folded spelling, all different.
	 */
	private static String[] vocabulary(Random random) {
		Set<String> words = new HashSet<>();
		List<String> ordered = new ArrayList<>(VOCABULARY);
		while (ordered.size() < VOCABULARY) {
			int length = 4 + random.nextInt(7);
			StringBuilder word = new StringBuilder(length);
			boolean vowel = random.nextBoolean();
			while (word.length() < length) {
				String letters = vowel ? VOWELS : CONSONANTS;
				word.append(letters.charAt(random.nextInt(letters.length())));
				// Mostly alternating, sometimes two consonants together.
				vowel = vowel ? false : random.nextDouble() < 0.8;
			}
			List<String> folded = TextFolding.words(word.toString());
			if (folded.size() == 1 && folded.get(0).length() >= 4 && words.add(folded.get(0))) {
				ordered.add(folded.get(0));
			}
		}
		return ordered.toArray(String[]::new);
	}

	private static double[] zipf(int size) {
		double[] cumulative = new double[size];
		double sum = 0;
		for (int rank = 0; rank < size; rank++) {
			sum += 1 / Math.pow(rank + 1, ZIPF);
			cumulative[rank] = sum;
		}
		for (int rank = 0; rank < size; rank++) {
			cumulative[rank] /= sum;
		}
		return cumulative;
	}

	String zipfWord(Random random) {
		int rank = Arrays.binarySearch(this.cumulative, random.nextDouble());
		return this.vocabulary[Math.min(rank < 0 ? -rank - 1 : rank, this.vocabulary.length - 1)];
	}

	/**
	 * The phrasings analysed as the index expects them, without duplicates, as TopicIndex
	 * does.
	 */
	Map<String, List<WordLists.Terms>> analyse(WordLists wordLists) {
		Map<String, List<WordLists.Terms>> byTopic = new LinkedHashMap<>();
		this.phrasings.forEach((topic, texts) -> {
			Set<String> seen = new HashSet<>();
			List<WordLists.Terms> terms = new ArrayList<>(texts.size());
			for (String text : texts) {
				WordLists.Terms analysed = wordLists.analyse(text);
				if (analysed.size() > 0 && seen.add(analysed.folded())) {
					terms.add(analysed);
				}
			}
			byTopic.put(topic, terms);
		});
		return byTopic;
	}

	int phrasingCount() {
		return this.phrasings.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * Queries as people might type them: a phrasing of a random topic with one or two
	 * changes, each either a word replaced by another word of the vocabulary or a typo (a
	 * letter replaced, dropped or swapped with the next one).
	 */
	String[] queries(int count, Random random) {
		return queryList(count, random).stream().map(Query::text).toArray(String[]::new);
	}

	/** A query and the topic it was derived from. */
	record Query(String text, String topic) {
	}

	List<Query> queryList(int count, Random random) {
		List<Query> queries = new ArrayList<>(count);
		for (int q = 0; q < count; q++) {
			String topic = this.topicIds[random.nextInt(this.topicIds.length)];
			List<String> texts = this.phrasings.get(topic);
			String[] words = texts.get(random.nextInt(texts.size())).split(" ");
			int changes = 1 + random.nextInt(2);
			for (int c = 0; c < changes; c++) {
				int at = random.nextInt(words.length);
				words[at] = random.nextBoolean() ? zipfWord(random) : typo(words[at], random);
			}
			queries.add(new Query(String.join(" ", words), topic));
		}
		return queries;
	}

	private static String typo(String word, Random random) {
		StringBuilder typed = new StringBuilder(word);
		int at = random.nextInt(word.length());
		switch (random.nextInt(3)) {
			case 0 -> typed.setCharAt(at, (char) ('a' + random.nextInt(26)));
			case 1 -> typed.deleteCharAt(at);
			default -> {
				if (at + 1 < word.length()) {
					typed.setCharAt(at, word.charAt(at + 1));
					typed.setCharAt(at + 1, word.charAt(at));
				}
			}
		}
		return typed.toString();
	}

}
