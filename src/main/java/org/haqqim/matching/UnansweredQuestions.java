package org.haqqim.matching;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Questions the bot could not answer confidently, kept anonymously for maintainers: long
 * digit runs (phone, passport and card numbers) and e-mail addresses masked, purged after
 * the retention period, and erased at once when the person who asked is forgotten (a
 * question may hold their name). The chat is kept for that alone and never shown. Grouped
 * by similarity, they show which phrasings and topics to add.
 */
@Repository
public class UnansweredQuestions {

	private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d\\s-]{4,}\\d");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

	private static final int MAX_LENGTH = 1000;

	/** Two questions belong together when this share of their stems is shared. */
	private static final double SIMILAR = 0.5;

	private final JdbcClient jdbc;

	private final Clock clock;

	public UnansweredQuestions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String text, String language, long chatId) {
		String kept = anonymise(text);
		if (kept.isEmpty()) {
			return;
		}
		this.jdbc.sql("INSERT INTO unanswered_question (text, language, asked_at, chat_id) VALUES (?, ?, ?, ?)")
			.params(kept, language, this.clock.millis(), chatId)
			.update();
	}

	/** Erases every question a person asked (they asked to be forgotten). */
	public void forget(long chatId) {
		this.jdbc.sql("DELETE FROM unanswered_question WHERE chat_id = ?").param(chatId).update();
	}

	/** Erases questions older than the retention period; returns how many. */
	public int purgeOlderThan(Duration retention) {
		return this.jdbc.sql("DELETE FROM unanswered_question WHERE asked_at < ?")
			.param(this.clock.millis() - retention.toMillis())
			.update();
	}

	/** The kept questions grouped by similarity, largest group first. */
	public List<Group> groups() {
		List<Entry> entries = this.jdbc
			.sql("SELECT text, language, asked_at FROM unanswered_question ORDER BY asked_at")
			.query((rs, row) -> new Entry(rs.getString("text"), rs.getString("language"),
					Instant.ofEpochMilli(rs.getLong("asked_at"))))
			.list();
		List<Group> groups = new ArrayList<>();
		List<Set<String>> signatures = new ArrayList<>();
		for (Entry entry : entries) {
			Set<String> stems = stems(entry.text());
			int home = -1;
			for (int i = 0; i < groups.size() && home < 0; i++) {
				if (similarity(stems, signatures.get(i)) >= SIMILAR) {
					home = i;
				}
			}
			if (home < 0) {
				groups.add(new Group(new ArrayList<>()));
				signatures.add(stems);
				home = groups.size() - 1;
			}
			groups.get(home).questions().add(entry);
		}
		groups.sort((a, b) -> Integer.compare(b.questions().size(), a.questions().size()));
		return groups;
	}

	static String anonymise(String text) {
		String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
		normalised = EMAIL.matcher(normalised).replaceAll("<e-mail>");
		normalised = LONG_NUMBER.matcher(normalised).replaceAll("<number>");
		return normalised.length() > MAX_LENGTH ? normalised.substring(0, MAX_LENGTH) : normalised;
	}

	private static Set<String> stems(String text) {
		Set<String> stems = new HashSet<>();
		for (String word : TextFolding.words(text)) {
			if (word.length() > 2) {
				stems.add(Stemmer.stem(word));
			}
		}
		return stems;
	}

	private static double similarity(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return a.equals(b) ? 1 : 0;
		}
		Set<String> shared = new HashSet<>(a);
		shared.retainAll(b);
		return (double) shared.size() / Math.min(a.size(), b.size());
	}

	public record Entry(String text, String language, Instant askedAt) {
	}

	public record Group(List<Entry> questions) {

		public Entry example() {
			return this.questions.get(0);
		}

	}

}
