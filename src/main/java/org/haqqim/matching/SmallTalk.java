package org.haqqim.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.haqqim.knowledge.Lexicon;

/**
 * Recognises a message that is only a greeting or only thanks ("salom aka", "спасибо
 * большое"), from the maintainers' phrases in {@code knowledge/matching/small-talk.yaml}.
 * Such a message is not a question the bot failed to answer, and should not be treated as
 * one.
 */
final class SmallTalk {

	/** Longer messages say something more than hello or thanks. */
	private static final int MAX_WORDS = 8;

	private final List<Phrase> phrases = new ArrayList<>();

	private final Set<String> commonWords = new HashSet<>();

	private final List<Phrase> skips = new ArrayList<>();

	private record Phrase(List<String> words, MatchResult.Decision kind) {
	}

	SmallTalk(Lexicon lists) {
		addAll(lists.thanks(), MatchResult.Decision.THANKS);
		addAll(lists.greetings(), MatchResult.Decision.GREETING);
		// Longest first, so that "спасибо большое" is taken whole before "спасибо".
		this.phrases.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
		lists.skip()
			.values()
			.forEach(list -> list.stream()
				.map(TextFolding::words)
				.filter(words -> !words.isEmpty())
				.forEach(words -> this.skips.add(new Phrase(words, null))));
		this.skips.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
		lists.commonWords()
			.values()
			.forEach(words -> words.forEach(word -> this.commonWords.addAll(TextFolding.words(word))));
	}

	/**
	 * {@link MatchResult.Decision#THANKS} or {@link MatchResult.Decision#GREETING} when
	 * the message is made only of such phrases and of common words (thanks wins when
	 * there are both), otherwise empty.
	 * @param words the message's folded words
	 */
	Optional<MatchResult.Decision> recognise(String[] words) {
		List<Phrase> found = madeOf(words, this.phrases);
		if (found == null || found.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(found.stream().anyMatch(phrase -> phrase.kind() == MatchResult.Decision.THANKS)
				? MatchResult.Decision.THANKS : MatchResult.Decision.GREETING);
	}

	/**
	 * Whether the message only says "skip" to a question ("o'tkazib yuboring", "нет",
	 * "no"), in any language's words, with common words around it.
	 * @param words the message's folded words
	 */
	boolean meansSkip(String[] words) {
		List<Phrase> found = madeOf(words, this.skips);
		return found != null && !found.isEmpty();
	}

	/**
	 * The phrases a short message is made of, with common words between them; null when
	 * some word is neither.
	 */
	private List<Phrase> madeOf(String[] words, List<Phrase> phrases) {
		if (words.length == 0 || words.length > MAX_WORDS) {
			return null;
		}
		List<Phrase> found = new ArrayList<>();
		int i = 0;
		while (i < words.length) {
			Phrase phrase = phraseAt(words, i, phrases);
			if (phrase != null) {
				found.add(phrase);
				i += phrase.words().size();
			}
			else if (this.commonWords.contains(words[i])) {
				i++;
			}
			else {
				return null;
			}
		}
		return found;
	}

	private static Phrase phraseAt(String[] words, int start, List<Phrase> phrases) {
		for (Phrase phrase : phrases) {
			List<String> expected = phrase.words();
			if (start + expected.size() > words.length) {
				continue;
			}
			boolean matches = true;
			for (int k = 0; k < expected.size() && matches; k++) {
				matches = words[start + k].equals(expected.get(k));
			}
			if (matches) {
				return phrase;
			}
		}
		return null;
	}

	private void addAll(Map<String, List<String>> byLanguage, MatchResult.Decision kind) {
		byLanguage.values().forEach(list -> list.forEach(entry -> {
			List<String> words = TextFolding.words(entry);
			if (!words.isEmpty()) {
				this.phrases.add(new Phrase(words, kind));
			}
		}));
	}

}
