package org.haqqim.conversation;

import java.time.Clock;

import javax.sql.DataSource;

import org.haqqim.database.TestDatabases;
import org.haqqim.knowledge.Citizenship;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the store of people's settings promises, on each database the bot supports: a
 * person's settings as saved, nothing left after forgetting, and a cache that never holds
 * what a rolled-back transaction wrote.
 */
abstract class ChatUsersContract {

	private DataSource dataSource;

	private JdbcClient jdbc;

	private ChatUsers users;

	private TransactionTemplate transactions;

	abstract DataSource createDataSource();

	@BeforeEach
	void setUp() {
		this.dataSource = createDataSource();
		this.jdbc = JdbcClient.create(this.dataSource);
		this.users = new ChatUsers(this.jdbc, Clock.systemUTC(), new ConversationProperties(100));
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
	}

	@AfterEach
	void tearDown() {
		TestDatabases.close(this.dataSource);
	}

	@Test
	void someoneNewIsUnknownAndSavedSettingsAreReadBack() {
		assertThat(this.users.find(1)).isEqualTo(ChatUser.unknown(1));
		this.users.save(ChatUser.unknown(1).withLanguage("uz-Cyrl").withCitizenship(Citizenship.UZ));
		this.users.save(this.users.find(1).offeredSettings());
		ChatUsers fresh = new ChatUsers(this.jdbc, Clock.systemUTC(), new ConversationProperties(100));
		assertThat(fresh.find(1)).isEqualTo(new ChatUser(1, "uz-Cyrl", Citizenship.UZ, true));
	}

	@Test
	void forgettingLeavesNothingBehind() {
		this.users.save(ChatUser.unknown(2).withLanguage("ru"));
		this.users.forget(2);
		assertThat(this.users.find(2)).isEqualTo(ChatUser.unknown(2));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM chat_user WHERE chat_id = 2").query(Long.class).single())
			.isZero();
	}

	@Test
	void aChangeRolledBackIsNeitherStoredNorRemembered() {
		this.users.save(ChatUser.unknown(3).withLanguage("ru"));
		assertThatIllegalStateException().isThrownBy(() -> this.transactions.executeWithoutResult(status -> {
			this.users.save(this.users.find(3).withLanguage("ky"));
			throw new IllegalStateException("the update failed");
		}));
		assertThat(this.users.find(3).language()).isEqualTo("ru");
	}

}
