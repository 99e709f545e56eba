package org.haqqim.conversation;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.haqqim.knowledge.Citizenship;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * People's settings in the database, with a bounded cache in front. The cache learns a
 * change only after its transaction commits, and forgets the person when it rolls back,
 * so it never holds a value the database does not.
 */
@Repository
class ChatUsers {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Cache<Long, ChatUser> cache;

	ChatUsers(JdbcClient jdbc, Clock clock, ConversationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().maximumSize(properties.settingsCached()).build();
	}

	ChatUser find(long chatId) {
		return this.cache.get(chatId, this::load);
	}

	void save(ChatUser user) {
		long now = this.clock.millis();
		int updated = this.jdbc.sql("""
				UPDATE chat_user SET language = ?, citizenship = ?, settings_offered = ?, updated_at = ?
				WHERE chat_id = ?""")
			.params(user.language(), user.citizenship() == null ? null : user.citizenship().name(),
					user.settingsOffered() ? 1 : 0, now, user.chatId())
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO chat_user (chat_id, language, citizenship, settings_offered, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(user.chatId(), user.language(), user.citizenship() == null ? null : user.citizenship().name(),
						user.settingsOffered() ? 1 : 0, now, now)
				.update();
		}
		afterTransaction(user.chatId(), user);
	}

	/** Erases everything the bot remembers about a person. */
	void forget(long chatId) {
		this.jdbc.sql("DELETE FROM chat_user WHERE chat_id = ?").param(chatId).update();
		afterTransaction(chatId, null);
	}

	private void afterTransaction(long chatId, ChatUser committed) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.cache.invalidate(chatId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED && committed != null) {
					ChatUsers.this.cache.put(chatId, committed);
				}
				else {
					ChatUsers.this.cache.invalidate(chatId);
				}
			}
		});
	}

	private ChatUser load(long chatId) {
		return this.jdbc.sql("SELECT language, citizenship, settings_offered FROM chat_user WHERE chat_id = ?")
			.param(chatId)
			.query((rs, row) -> new ChatUser(chatId, rs.getString("language"),
					Citizenship.parse(rs.getString("citizenship")).orElse(null), rs.getInt("settings_offered") == 1))
			.optional()
			.orElse(ChatUser.unknown(chatId));
	}

}
