package org.haqqim.conversation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "Did this help?" as counts per topic and language; nothing links an answer to the
 * person who gave it. Maintainers see the counts with {@code ./haqqim unanswered}.
 */
@Repository
public class TopicFeedback {

	private final JdbcClient jdbc;

	TopicFeedback(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How a topic's answer was rated in one language. */
	public record Rating(String topic, String language, int helpful, int notHelpful) {
	}

	void count(String topic, String language, boolean helpful) {
		int updated = this.jdbc
			.sql(helpful ? "UPDATE topic_feedback SET helpful = helpful + 1 WHERE topic = ? AND language = ?"
					: "UPDATE topic_feedback SET not_helpful = not_helpful + 1 WHERE topic = ? AND language = ?")
			.params(topic, language)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO topic_feedback (topic, language, helpful, not_helpful) VALUES (?, ?, ?, ?)")
				.params(topic, language, helpful ? 1 : 0, helpful ? 0 : 1)
				.update();
		}
	}

	/**
	 * The answers people said did not help, the most often first: what to rewrite next.
	 */
	public List<Rating> notHelpful() {
		return this.jdbc.sql("""
				SELECT topic, language, helpful, not_helpful FROM topic_feedback WHERE not_helpful > 0
				ORDER BY not_helpful DESC, topic, language""")
			.query((rs, row) -> new Rating(rs.getString("topic"), rs.getString("language"), rs.getInt("helpful"),
					rs.getInt("not_helpful")))
			.list();
	}

}
