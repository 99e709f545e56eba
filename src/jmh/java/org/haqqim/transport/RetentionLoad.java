package org.haqqim.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.haqqim.database.TestDatabases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention benchmark of issue 19 (BENCHMARKS.md): an SQLite database as the bot opens
 * it, with ROWS handled updates and ROWS sent messages past their retention period, purged
 * while a writer queues a message every 2 ms as the bot would. Prints how long the purge
 * took and how long the writer's transactions took meanwhile: a purge that holds the
 * database shows as a writer that waits. Argument: ROWS (1000000).
 */
public final class RetentionLoad {

	private RetentionLoad() {
	}

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		Path directory = Files.createTempDirectory("haqqim-retention-load");
		DataSource database = TestDatabases.sqlite(directory);
		try {
			JdbcClient jdbc = JdbcClient.create(database);
			jdbc.sql("""
					WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
					INSERT INTO inbox (update_id, chat_id, payload, status, attempts, next_attempt_at, received_at,
					processed_at) SELECT i, 0, NULL, 'DONE', 1, 0, 1, 1 FROM n""").param(rows).update();
			jdbc.sql("""
					WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
					INSERT INTO outbox (chat_id, payload, status, attempts, next_attempt_at, created_at, sent_at)
					SELECT 0, '', 'SENT', 1, 0, 1, 1 FROM n""").param(rows).update();
			ObjectMapper json = new TransportConfiguration().transportJson();
			TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
			Inbox inbox = new Inbox(jdbc, transactions, json, Clock.systemUTC());
			Outbox outbox = new Outbox(jdbc, transactions, json, Clock.systemUTC());

			List<Long> waits = Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean purging = new AtomicBoolean(true);
			Thread writer = new Thread(() -> {
				while (purging.get()) {
					long started = System.nanoTime();
					transactions.executeWithoutResult(
							status -> outbox.enqueue(Replies.of(OutboundMessage.Text.of(42, "a reply"))));
					waits.add((System.nanoTime() - started) / 1_000);
					try {
						Thread.sleep(2);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "writer");
			writer.start();
			Thread.sleep(500);
			long started = System.nanoTime();
			int updates = inbox.purgeProcessed(Duration.ofDays(1));
			int messages = outbox.purgeFinished(Duration.ofDays(1));
			long purgeMillis = (System.nanoTime() - started) / 1_000_000;
			Thread.sleep(500);
			purging.set(false);
			writer.join();
			List<Long> sorted = new ArrayList<>(waits);
			Collections.sort(sorted);
			System.out.printf(
					"RETENTION %d+%d rows erased in %d ms; %d writes meanwhile: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					updates, messages, purgeMillis, sorted.size(), sorted.get(sorted.size() / 2) / 1000.0,
					sorted.get((int) (sorted.size() * 0.99)) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
		}
		finally {
			TestDatabases.close(database);
		}
	}

}
