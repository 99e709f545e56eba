package org.haqqim.announcements;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The topics each person asked to be told about when their rules change. */
@Repository
class Subscriptions {

	private final JdbcClient jdbc;

	private final Clock clock;

	Subscriptions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Subscribes the person to the topic, once however often they press. */
	void subscribe(long chatId, String topic) {
		if (!isSubscribed(chatId, topic)) {
			this.jdbc.sql("INSERT INTO subscription (chat_id, topic, created_at) VALUES (?, ?, ?)")
				.params(chatId, topic, this.clock.millis())
				.update();
		}
	}

	void unsubscribe(long chatId, String topic) {
		this.jdbc.sql("DELETE FROM subscription WHERE chat_id = ? AND topic = ?").params(chatId, topic).update();
	}

	/** Every topic: a person who blocked the bot, or asked to be forgotten. */
	void unsubscribeAll(long chatId) {
		this.jdbc.sql("DELETE FROM subscription WHERE chat_id = ?").param(chatId).update();
	}

	private boolean isSubscribed(long chatId, String topic) {
		return this.jdbc.sql("SELECT COUNT(*) FROM subscription WHERE chat_id = ? AND topic = ?")
			.params(chatId, topic)
			.query(Long.class)
			.single() > 0;
	}

}
