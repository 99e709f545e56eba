package org.haqqim.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.haqqim.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the inbox and the outbox promise, run against each database the bot supports: the
 * same migrations and the same SQL must behave the same on SQLite and on PostgreSQL.
 */
abstract class TransportStoreContract {

	private DataSource dataSource;

	private JdbcClient jdbc;

	private Inbox inbox;

	private Outbox outbox;

	abstract DataSource createDataSource();

	@BeforeEach
	void setUp() {
		this.dataSource = createDataSource();
		this.jdbc = JdbcClient.create(this.dataSource);
		ObjectMapper json = new TransportConfiguration().transportJson();
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		this.inbox = new Inbox(this.jdbc, transactions, json, Clock.systemUTC());
		this.outbox = new Outbox(this.jdbc, json, Clock.systemUTC());
	}

	@AfterEach
	void tearDown() {
		TestDatabases.close(this.dataSource);
	}

	@Test
	void aBatchStoredTwiceIsStoredOnceWithItsOffset() {
		List<InboundEvent> batch = List.of(text(10, 1, "a"), text(11, 2, "b"));
		assertThat(this.inbox.nextOffset()).isZero();
		this.inbox.store(batch, 12);
		this.inbox.store(batch, 12);
		assertThat(this.inbox.nextOffset()).isEqualTo(12);
		assertThat(this.inbox.countPending()).isEqualTo(2);
		assertThat(this.inbox.pending(10)).extracting(Inbox.Entry::updateId).containsExactly(10L, 11L);
		assertThat(this.inbox.pending(10).get(0).event()).contains(batch.get(0));
	}

	@Test
	void handledUpdatesLoseTheirContentButKeepTheirIdForDeduplication() {
		this.inbox.store(List.of(text(20, 1, "secret words")), 21);
		this.inbox.markDone(20);
		assertThat(this.inbox.countPending()).isZero();
		assertThat(this.jdbc.sql("SELECT payload FROM inbox WHERE update_id = 20").query(String.class).optional())
			.isEmpty();
		this.inbox.store(List.of(text(20, 1, "secret words")), 21);
		assertThat(this.inbox.countPending()).isZero();
	}

	@Test
	void failuresAreCountedAndAFailedUpdateKeepsNoContent() {
		this.inbox.store(List.of(text(30, 1, "x")), 31);
		this.inbox.recordFailure(30, "Boom", Instant.now().plusSeconds(60));
		assertThat(this.inbox.pending(10)).singleElement().satisfies(entry -> {
			assertThat(entry.attempts()).isEqualTo(1);
			assertThat(entry.nextAttemptAt()).isAfter(Instant.now());
		});
		this.inbox.markFailed(30, "Boom");
		assertThat(this.inbox.countPending()).isZero();
		assertThat(this.inbox.countFailed()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT payload FROM inbox WHERE update_id = 30").query(String.class).optional())
			.isEmpty();
	}

	@Test
	void processedUpdatesArePurgedAfterTheirTime() {
		this.inbox.store(List.of(text(40, 1, "x"), text(41, 1, "y")), 42);
		this.inbox.markDone(40);
		assertThat(this.inbox.purgeProcessed(Duration.ofDays(1))).isZero();
		assertThat(this.inbox.purgeProcessed(Duration.ofMillis(-1))).isEqualTo(1);
		assertThat(this.inbox.countPending()).isEqualTo(1);
	}

	@Test
	void outboxKeepsOrderSplitsLongTextsAndErasesWhatWasSent() {
		String paragraph = "word ".repeat(500).strip();
		this.outbox.enqueue(
				Replies.of(OutboundMessage.Text.of(5, paragraph + "\n\n" + paragraph + "\n\n" + paragraph), "c-1"));
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(5, "after")));
		List<Outbox.Entry> pending = this.outbox.pending(10);
		assertThat(pending).hasSize(4);
		assertThat(pending).extracting(Outbox.Entry::correlation).containsExactly("c-1", "c-1", "c-1", null);
		assertThat(pending.get(0).message()).contains(OutboundMessage.Text.of(5, paragraph));
		assertThat(pending.get(3).message()).contains(OutboundMessage.Text.of(5, "after"));
		this.outbox.markSending(pending.get(0).id());
		this.outbox.markSent(pending.get(0).id(), 77L);
		assertThat(this.jdbc.sql("SELECT payload FROM outbox WHERE id = ?")
			.param(pending.get(0).id())
			.query(String.class)
			.single()).isEmpty();
		assertThat(this.outbox.countPending()).isEqualTo(3);
	}

	@Test
	void messagesInterruptedWhileSendingAreQueuedAgain() {
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(6, "x")));
		long id = this.outbox.pending(1).get(0).id();
		this.outbox.markSending(id);
		assertThat(this.outbox.pending(10)).isEmpty();
		assertThat(this.outbox.recoverInterrupted()).isEqualTo(1);
		assertThat(this.outbox.pending(10)).singleElement()
			.satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
	}

	@Test
	void aWaitTelegramAskedForIsNotCountedAsAnAttempt() {
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(7, "x")));
		long id = this.outbox.pending(1).get(0).id();
		this.outbox.markSending(id);
		this.outbox.reschedule(id, Instant.now(), "retry after 7 s", false);
		assertThat(this.outbox.pending(1).get(0).attempts()).isZero();
		this.outbox.markSending(id);
		this.outbox.reschedule(id, Instant.now(), "timeout", true);
		assertThat(this.outbox.pending(1).get(0).attempts()).isEqualTo(1);
	}

	@Test
	void concurrentWritersNeitherFailNorLoseRows() throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int writer = 0; writer < 8; writer++) {
			int base = 1000 + writer * 100;
			done.add(writers.submit(() -> {
				for (int i = 0; i < 25; i++) {
					this.inbox.store(List.of(text(base + i, base, "m")), base + i + 1);
					this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(base, "reply " + i)));
				}
			}));
		}
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		writers.shutdown();
		assertThat(this.inbox.countPending()).isEqualTo(200);
		assertThat(this.outbox.countPending()).isEqualTo(200);
	}

	private static InboundEvent text(long updateId, long chatId, String text) {
		return new InboundEvent.Text(Origin.privateMessage(updateId, chatId, (int) updateId, "ru"), text);
	}

}
