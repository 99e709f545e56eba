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
		this.outbox = new Outbox(this.jdbc, transactions, json, Clock.systemUTC());
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
		this.inbox.markDone(List.of(20L));
		assertThat(this.inbox.countPending()).isZero();
		assertThat(this.jdbc.sql("SELECT payload FROM inbox WHERE update_id = 20").query(String.class).optional())
			.isEmpty();
		this.inbox.store(List.of(text(20, 1, "secret words")), 21);
		assertThat(this.inbox.countPending()).isZero();
	}

	@Test
	void anUnreadableUpdateIsKeptAsItCameConfirmedWithItsBatchAndErasedWhenItsPersonIsForgotten() {
		String raw = "{\"update_id\":51,\"message\":{\"chat\":{\"id\":7},\"text\":\"\\u0000 odd\"}}";
		this.inbox.store(new UpdateBatch(List.of(text(50, 7, "readable")),
				List.of(new UnreadableUpdate(51, 7, raw, "ValueInstantiationException at message.chat")), 52));
		assertThat(this.inbox.nextOffset()).isEqualTo(52);
		assertThat(this.inbox.pending(10)).extracting(Inbox.Entry::updateId).containsExactly(50L);
		assertThat(this.inbox.countFailed()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT payload FROM inbox WHERE update_id = 51").query(String.class).single())
			.isEqualTo(raw);
		this.inbox.markDone(List.of(50L));
		assertThat(this.jdbc.sql("SELECT chat_id FROM inbox WHERE update_id = 50").query(Long.class).single())
			.as("a handled update names no chat")
			.isZero();
		this.inbox.forget(7);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox WHERE chat_id = 7").query(Long.class).single()).isZero();
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
		this.inbox.markDone(List.of(40L));
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
		assertThat(this.outbox.countPending()).isEqualTo(4);
		List<Outbox.Entry> sent = new ArrayList<>();
		List<OutboundMessage> messages = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Outbox.Entry head = this.outbox.heads(10).get(0);
			messages.add(this.outbox.message(head).orElseThrow());
			assertThat(this.outbox.markSending(head.id())).isTrue();
			this.outbox.markSent(head, 77L + i);
			sent.add(head);
		}
		assertThat(sent).extracting(Outbox.Entry::correlation).containsExactly("c-1", "c-1", "c-1", null);
		assertThat(messages.get(0)).isEqualTo(OutboundMessage.Text.of(5, paragraph));
		assertThat(messages.get(3)).isEqualTo(OutboundMessage.Text.of(5, "after"));
		assertThat(this.jdbc.sql("SELECT payload FROM outbox WHERE id = ?")
			.param(sent.get(0).id())
			.query(String.class)
			.single()).isEmpty();
		assertThat(this.outbox.countPending()).isZero();
	}

	@Test
	void everyChatsNextMessageIsOfferedHoweverLongAnotherChatsQueue() {
		for (int i = 0; i < 600; i++) {
			this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(-100, "staff card " + i)));
		}
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(8, "your answer")));
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(9, "another person's answer")));
		List<Outbox.Entry> heads = this.outbox.heads(500);
		assertThat(heads).extracting(Outbox.Entry::chatId).containsExactly(-100L, 8L, 9L);
		assertThat(this.outbox.message(heads.get(0))).contains(OutboundMessage.Text.of(-100, "staff card 0"));
	}

	/**
	 * Issue 17: a person's own reply goes before every announcement already waiting, and
	 * a person's announcement still goes before their later reply.
	 */
	@Test
	void bulkMessagesWaitBehindEveryOtherChatsNextMessage() {
		for (long person = 20; person < 25; person++) {
			this.outbox.enqueue(Replies.bulk(OutboundMessage.Text.of(person, "announcement"), "an:x"));
		}
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(30, "your answer")));
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(20, "a reply after the announcement")));
		List<Outbox.Entry> heads = this.outbox.heads(500);
		assertThat(heads).extracting(Outbox.Entry::chatId).containsExactly(30L, 20L, 21L, 22L, 23L, 24L);
		assertThat(this.outbox.message(heads.get(1))).contains(OutboundMessage.Text.of(20, "announcement"));
	}

	/**
	 * Issue 19: in a burst, one person's follow-up goes behind every first answer that
	 * waits, even of people who wrote later.
	 */
	@Test
	void aFollowUpGoesBehindEveryFirstAnswer() {
		this.outbox.enqueue(
				Replies.of(OutboundMessage.Text.of(40, "first answer")).and(OutboundMessage.Text.of(40, "follow-up")));
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(41, "another person's first answer")));
		List<Outbox.Entry> before = this.outbox.heads(10);
		assertThat(before).extracting(Outbox.Entry::chatId).containsExactly(40L, 41L);
		this.outbox.markSending(before.get(0).id());
		this.outbox.markSent(before.get(0), 1L);
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(42, "the first answer of someone who wrote later")));
		List<Outbox.Entry> after = this.outbox.heads(10);
		assertThat(after).extracting(Outbox.Entry::chatId).containsExactly(41L, 42L, 40L);
		assertThat(this.outbox.message(after.get(2))).contains(OutboundMessage.Text.of(40, "follow-up"));
	}

	/**
	 * Calls that concern no chat (the command menus) are queued under chat 0, as every
	 * sent message is kept: the ones that wait are still found behind those that went.
	 */
	@Test
	void callsForNoChatAreSentOneAfterAnother() {
		for (String language : List.of("ru", "uz")) {
			this.outbox.enqueue(Replies.of(new OutboundMessage.Commands(language, List.of())));
		}
		Outbox.Entry first = this.outbox.heads(10).get(0);
		this.outbox.markSending(first.id());
		this.outbox.markSent(first, null);
		assertThat(this.outbox.heads(10)).singleElement()
			.satisfies(next -> assertThat(this.outbox.message(next))
				.contains(new OutboundMessage.Commands("uz", List.of())));
	}

	/**
	 * A message whose stored form can no longer be read is marked failed and its chat
	 * moves on; one seen in an older snapshot, sent meanwhile, is left as sent.
	 */
	@Test
	void anUnreadableMessageFailsAndOneSentMeanwhileStaysSent() {
		this.outbox
			.enqueue(Replies.of(OutboundMessage.Text.of(80, "garbled")).and(OutboundMessage.Text.of(80, "next")));
		Outbox.Entry garbled = this.outbox.heads(1).get(0);
		this.jdbc.sql("UPDATE outbox SET payload = '{\"type\":\"gone\"}' WHERE id = ?").param(garbled.id()).update();
		assertThat(this.outbox.message(garbled)).isEmpty();
		Outbox.Entry next = this.outbox.heads(1).get(0);
		assertThat(next.id()).isGreaterThan(garbled.id());
		this.outbox.markSending(next.id());
		this.outbox.markSent(next, 5L);
		assertThat(this.outbox.message(next)).isEmpty();
		assertThat(this.jdbc.sql("SELECT status FROM outbox WHERE chat_id = 0 ORDER BY id").query(String.class).list())
			.containsExactly("FAILED", "SENT");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_chat").query(Long.class).single()).isZero();
	}

	/**
	 * A chat in the line whose messages are all gone leaves it, and a waiting message
	 * whose chat is missing from the line (a database restored by hand) is put back in
	 * it, so that it is sent.
	 */
	@Test
	void theLineIsMendedWhereItNoLongerMatchesTheQueue() {
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(50, "still waiting")));
		this.jdbc.sql("DELETE FROM outbox_chat").update();
		this.jdbc.sql("INSERT INTO outbox_chat (chat_id, waiting, rank, turn_at) VALUES (51, 3, 0, 0)").update();
		assertThat(this.outbox.heads(10)).isEmpty();
		assertThat(this.outbox.mendLine()).isEqualTo(2);
		assertThat(this.outbox.heads(10)).extracting(Outbox.Entry::chatId).containsExactly(50L);
		assertThat(this.outbox.mendLine()).isZero();
	}

	/**
	 * A person who asked to be forgotten leaves the line with what was queued for them.
	 */
	@Test
	void aForgottenChatLeavesTheLine() {
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(60, "one")).and(OutboundMessage.Text.of(60, "two")));
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(61, "other")).afterForgetting(60));
		assertThat(this.outbox.heads(10)).extracting(Outbox.Entry::chatId).containsExactly(61L);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_chat").query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * Issue 19: retention erases what is past its period in batches, however many rows
	 * that is, and nothing newer or still waiting.
	 */
	@Test
	void retentionErasesEveryOldRowBatchByBatchAndNothingNewer() {
		int old = Inbox.PURGE_BATCH * 2 + 500;
		this.jdbc.sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
				+ "INSERT INTO inbox (update_id, chat_id, status, attempts, next_attempt_at, received_at, processed_at) "
				+ "SELECT i, 0, 'DONE', 1, 0, 1, 1 FROM n")
			.param(old)
			.update();
		this.jdbc
			.sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
					+ "INSERT INTO outbox (chat_id, payload, status, attempts, next_attempt_at, created_at, sent_at) "
					+ "SELECT 0, '', 'SENT', 1, 0, 1, 1 FROM n")
			.param(old)
			.update();
		this.inbox.store(List.of(text(old + 1, 7, "still waiting")), old + 2);
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(7, "still waiting")));
		assertThat(this.inbox.purgeProcessed(Duration.ofDays(1))).isEqualTo(old);
		assertThat(this.outbox.purgeFinished(Duration.ofDays(1))).isEqualTo(old);
		assertThat(this.inbox.countPending()).isEqualTo(1);
		assertThat(this.outbox.countPending()).isEqualTo(1);
	}

	@Test
	void aMessageIsTakenForSendingOnceEvenFromAnOlderSnapshot() {
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(10, "once")));
		Outbox.Entry seenTwice = this.outbox.heads(1).get(0);
		assertThat(this.outbox.markSending(seenTwice.id())).isTrue();
		this.outbox.markSent(seenTwice, 1L);
		assertThat(this.outbox.markSending(seenTwice.id())).isFalse();
		assertThat(this.jdbc.sql("SELECT attempts FROM outbox WHERE id = ?")
			.param(seenTwice.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void messagesInterruptedWhileSendingAreQueuedAgain() {
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(6, "x")));
		long id = this.outbox.heads(1).get(0).id();
		this.outbox.markSending(id);
		assertThat(this.outbox.heads(10)).isEmpty();
		assertThat(this.outbox.recoverInterrupted()).isEqualTo(1);
		assertThat(this.outbox.heads(10)).singleElement().satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
	}

	@Test
	void aWaitTelegramAskedForIsNotCountedAsAnAttempt() {
		this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(7, "x")));
		Outbox.Entry entry = this.outbox.heads(1).get(0);
		this.outbox.markSending(entry.id());
		this.outbox.reschedule(entry, Instant.now(), "retry after 7 s", false);
		assertThat(this.outbox.heads(1).get(0).attempts()).isZero();
		this.outbox.markSending(entry.id());
		this.outbox.reschedule(entry, Instant.now(), "timeout", true);
		assertThat(this.outbox.heads(1).get(0).attempts()).isEqualTo(1);
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

	/**
	 * Writers queue for one chat while its messages are sent: the line counts every one
	 * of them, so none is left behind, none goes twice, and each writer's messages go in
	 * that writer's order (between concurrent writers, commits decide).
	 */
	@Test
	void messagesQueuedWhileTheChatsMessagesAreSentAreAllSentOnceInOrder() throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(4);
		List<Future<?>> done = new ArrayList<>();
		for (int writer = 0; writer < 4; writer++) {
			String name = "w" + writer;
			done.add(writers.submit(() -> {
				for (int i = 0; i < 50; i++) {
					this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(70, name + " " + (100 + i))));
				}
			}));
		}
		List<String> sent = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (sent.size() < 200 && System.nanoTime() < deadline) {
			for (Outbox.Entry head : this.outbox.heads(10)) {
				sent.add(((OutboundMessage.Text) this.outbox.message(head).orElseThrow()).html());
				assertThat(this.outbox.markSending(head.id())).isTrue();
				this.outbox.markSent(head, 1L);
			}
		}
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		writers.shutdown();
		assertThat(sent).hasSize(200).doesNotHaveDuplicates();
		for (int writer = 0; writer < 4; writer++) {
			String name = "w" + writer + " ";
			assertThat(sent.stream().filter(text -> text.startsWith(name)).toList()).hasSize(50).isSorted();
		}
		assertThat(this.outbox.countPending()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_chat").query(Long.class).single()).isZero();
	}

	private static InboundEvent text(long updateId, long chatId, String text) {
		return new InboundEvent.Text(Origin.privateMessage(updateId, chatId, (int) updateId, "ru"), text);
	}

}
