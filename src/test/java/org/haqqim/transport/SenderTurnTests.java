package org.haqqim.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.haqqim.database.TestDatabases;
import org.haqqim.system.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send takes its place in Telegram's limits when its call is made. A sender that cannot
 * get a place (here: limits that looked free when the send was dispatched, and a clock
 * that never moves) gives the message back to the queue instead of sending past the limit
 * or waiting for it.
 */
class SenderTurnTests {

	@TempDir
	Path directory;

	private DataSource database;

	private OutboxRelay relay;

	@AfterEach
	void stop() {
		if (this.relay != null && this.relay.isRunning()) {
			this.relay.stop();
		}
		TestDatabases.close(this.database);
	}

	@Test
	void aSenderThatCannotGetItsTurnGivesTheMessageBackAndSendsNothing() {
		this.database = TestDatabases.sqlite(this.directory);
		JdbcClient jdbc = JdbcClient.create(this.database);
		MovableClock frozen = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(this.database));
		Outbox outbox = new Outbox(jdbc, transactions, new TransportConfiguration().transportJson(), frozen);
		AtomicInteger calls = new AtomicInteger();
		Deliverer deliverer = message -> {
			calls.incrementAndGet();
			return new DeliveryResult.Delivered(1L);
		};
		SendPacing freeButNeverGranted = new SendPacing() {
			@Override
			public boolean tryAcquire(OutboundMessage message, Instant now) {
				return false;
			}

			@Override
			public Instant nextChance(OutboundMessage message, Instant now) {
				return now;
			}
		};
		this.relay = new OutboxRelay(outbox, deliverer, freeButNeverGranted, List.of(), event -> {
		}, transactions, new Binder().bindOrCreate("haqqim.transport", TransportProperties.class),
				new TransportMetrics(new SimpleMeterRegistry(), outbox, frozen), () -> true, frozen);
		outbox.enqueue(Replies.of(OutboundMessage.Text.of(4242, "hello")));
		this.relay.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT COALESCE(error, '') FROM outbox").query(String.class).single(),
					error -> error.contains("turn"));
		assertThat(jdbc.sql("SELECT status FROM outbox").query(String.class).single()).isIn("PENDING", "SENDING");
		assertThat(jdbc.sql("SELECT attempts FROM outbox").query(Integer.class).single()).isLessThanOrEqualTo(1);
		assertThat(calls).hasValue(0);
	}

}
