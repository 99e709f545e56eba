package org.haqqim.conversation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "Did this help?" as counts per topic and language; nothing links an answer to the
 * person who gave it.
 */
@Repository
class TopicFeedback {

	private final JdbcClient jdbc;

	TopicFeedback(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** Helpful and not helpful counts for a topic in a language. */
	int[] counts(String topic, String language) {
		return this.jdbc.sql("SELECT helpful, not_helpful FROM topic_feedback WHERE topic = ? AND language = ?")
			.params(topic, language)
			.query((rs, row) -> new int[] { rs.getInt("helpful"), rs.getInt("not_helpful") })
			.optional()
			.orElse(new int[] { 0, 0 });
	}

}
