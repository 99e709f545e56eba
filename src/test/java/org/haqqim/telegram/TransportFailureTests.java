package org.haqqim.telegram;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haqqim.EndToEndTest;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.InboundHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens when the bot's own side fails: an update whose handling always throws
 * (R13), and a database that stops accepting writes while updates arrive (R14).
 */
class TransportFailureTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String POISON = "poison-pill";

	private static final String UNREADABLE_WORDS = "militsiya eshikni buzyapti";

	private static final AtomicBoolean databaseDown = new AtomicBoolean();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPoisonUpdateIsMarkedFailedAndTheChatMovesOn() {
		long user = newUser();
		long poison = telegram.userSays(user, POISON, "ru");
		telegram.userSays(user, "/help", "ru");
		await().atMost(WAIT).until(() -> telegram.textsSentTo(user).size() == 1);
		assertThat(this.jdbc.sql("SELECT status FROM inbox WHERE update_id = ?")
			.param(poison)
			.query(String.class)
			.single()).isEqualTo("FAILED");
		assertThat(this.jdbc.sql("SELECT attempts FROM inbox WHERE update_id = ?")
			.param(poison)
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(
				this.jdbc.sql("SELECT error FROM inbox WHERE update_id = ?").param(poison).query(String.class).single())
			.contains("IllegalStateException")
			.doesNotContain(POISON);
		long another = newUser();
		telegram.userSays(another, "/start", "ru");
		telegram.awaitMessageTo(another, WAIT);
	}

	/**
	 * Updates that arrive together are handled in one transaction; a poison one among
	 * them rolls the others back, and they are handled again one by one: each person is
	 * answered once, not twice.
	 */
	@Test
	void aPoisonUpdateAmongOthersCostsTheOthersNothing() {
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			people.add(newUser());
		}
		long poisoned = newUser();
		telegram.userSays(people.get(0), "/help", "ru");
		telegram.userSays(poisoned, POISON, "ru");
		people.subList(1, people.size()).forEach(person -> telegram.userSays(person, "/help", "ru"));
		for (long person : people) {
			await().atMost(WAIT).until(() -> telegram.textsSentTo(person).size() == 1);
		}
		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'")
				.query(Long.class)
				.single() == 0);
		telegram.awaitQuiet(this.jdbc, WAIT);
		people.forEach(person -> assertThat(telegram.textsSentTo(person)).hasSize(1));
	}

	@Test
	void oneUnreadableUpdateNeverStopsPolling(CapturedOutput output) {
		long stranger = newUser();
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("message_id", 5).put("date", 1764300000).put("text", UNREADABLE_WORDS);
		message.putObject("chat").put("id", stranger);
		message.putObject("from").put("id", stranger).put("is_bot", false).put("first_name", "Ali");
		long unreadable = telegram.enqueueUpdate("message", message);
		long user = newUser();
		telegram.userSays(user, "/help", "ru");
		telegram.awaitMessageTo(user, WAIT);
		await().atMost(WAIT).until(() -> telegram.confirmedBelow() > unreadable);
		Map<String, Object> row = this.jdbc.sql("SELECT status, chat_id, payload, error FROM inbox WHERE update_id = ?")
			.param(unreadable)
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat(((Number) row.get("chat_id")).longValue()).isEqualTo(stranger);
		assertThat((String) row.get("payload")).contains(UNREADABLE_WORDS);
		assertThat((String) row.get("error")).contains("message.chat").doesNotContain(UNREADABLE_WORDS);
		assertThat(output.getAll()).doesNotContain(UNREADABLE_WORDS, "Ali");
	}

	@Test
	void updatesArrivingWhileTheDatabaseIsDownAreNotConfirmedAndNotLost() {
		long user = newUser();
		telegram.userSays(user, "/help", "ru");
		await().atMost(WAIT).until(() -> telegram.textsSentTo(user).size() == 1);
		long confirmedBefore = telegram.confirmedBelow();
		databaseDown.set(true);
		try {
			long during = telegram.userSays(user, "/start", "ru");
			await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
			assertThat(telegram.confirmedBelow()).isLessThanOrEqualTo(during);
			assertThat(confirmedBefore).isLessThanOrEqualTo(during);
			assertThat(telegram.textsSentTo(user)).hasSize(1);
		}
		finally {
			databaseDown.set(false);
		}
		await().atMost(WAIT).until(() -> telegram.textsSentTo(user).size() == 2);
	}

	@TestConfiguration
	static class Faults {

		/** Wraps the real handler: a message saying {@value #POISON} always throws. */
		@Bean
		static BeanPostProcessor poisonousHandler() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof InboundHandler handler) {
						return (InboundHandler) event -> {
							if (event instanceof InboundEvent.Text text && text.text().equals(POISON)) {
								throw new IllegalStateException("handler failed on purpose");
							}
							return handler.handle(event);
						};
					}
					if (bean instanceof DataSource dataSource && !(bean instanceof SwitchableDataSource)) {
						return new SwitchableDataSource(dataSource);
					}
					return bean;
				}
			};
		}

	}

	/**
	 * A data source that refuses connections while {@link #databaseDown} is set, as a
	 * crashed database would.
	 */
	static final class SwitchableDataSource implements DataSource {

		private final DataSource delegate;

		SwitchableDataSource(DataSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (databaseDown.get()) {
				throw new SQLException("database is down (test)");
			}
			return this.delegate.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.delegate.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.delegate.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.delegate.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.delegate.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.delegate.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return this.delegate.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return this.delegate.isWrapperFor(type);
		}

	}

}
