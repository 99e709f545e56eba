package org.haqqim.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.haqqim.system.Failures;
import org.haqqim.system.Phases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands committed updates to the {@link InboundHandler}, one at a time and in order per
 * chat. This is the error boundary for everything a person sends: an update whose
 * handling throws is rolled back, retried a few times while later updates of the same
 * chat wait, and then marked failed so that the chat moves on. Nothing escapes the loop.
 */
public class InboxProcessor implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InboxProcessor.class);

	private static final int BATCH = 200;

	private static final Duration IDLE_WAIT = Duration.ofMillis(500);

	private final Inbox inbox;

	private final InboundHandler handler;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final TransportProperties properties;

	private final Clock clock;

	private volatile boolean running;

	private volatile boolean busy;

	private Thread worker;

	public InboxProcessor(Inbox inbox, InboundHandler handler, Outbox outbox, TransactionTemplate transactions,
			TransportProperties properties, Clock clock) {
		this.inbox = inbox;
		this.handler = handler;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = new Thread(this::work, "inbox-processor");
		this.worker.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.inbox.wake();
		joinQuietly(this.worker, Duration.ofSeconds(3));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts after the outbox relay and stops before it, so that what it queues gets
	 * sent.
	 */
	@Override
	public int getPhase() {
		return Phases.PROCESSOR;
	}

	/** True while no update is being handled and none is ready to be. */
	public boolean isIdle() {
		return !this.busy && this.inbox.countPending() == 0;
	}

	/**
	 * Handles what is due now; returns how long to wait before the next retry falls due.
	 */
	Duration processDue() {
		List<Inbox.Entry> pending = this.inbox.pending(BATCH);
		Set<Long> waitingChats = new HashSet<>();
		Duration untilNextRetry = IDLE_WAIT;
		Instant now = this.clock.instant();
		for (Inbox.Entry entry : pending) {
			if (!this.running) {
				break;
			}
			if (waitingChats.contains(entry.chatId())) {
				continue;
			}
			if (entry.nextAttemptAt().isAfter(now)) {
				waitingChats.add(entry.chatId());
				untilNextRetry = WorkSignal.atMost(untilNextRetry, Duration.between(now, entry.nextAttemptAt()));
				continue;
			}
			if (!handle(entry)) {
				waitingChats.add(entry.chatId());
			}
		}
		return pending.size() == BATCH ? Duration.ZERO : untilNextRetry;
	}

	private boolean handle(Inbox.Entry entry) {
		this.busy = true;
		try {
			if (entry.event() == null) {
				this.inbox.markFailed(entry.updateId(), "stored event could not be read");
				logger.error("Update {} marked failed: its stored form could not be read", entry.updateId());
				return true;
			}
			this.transactions.executeWithoutResult(status -> {
				this.outbox.enqueue(this.handler.handle(entry.event()));
				this.inbox.markDone(entry.updateId());
			});
			return true;
		}
		catch (Throwable failure) {
			recordFailure(entry, failure);
			return false;
		}
		finally {
			this.busy = false;
		}
	}

	private void recordFailure(Inbox.Entry entry, Throwable failure) {
		String description = Failures.describe(failure);
		int attempt = entry.attempts() + 1;
		try {
			if (attempt >= this.properties.handlingAttempts()) {
				this.inbox.markFailed(entry.updateId(), description);
				logger.error("Update {} marked failed after {} attempts: {}", entry.updateId(), attempt, description);
				tellAboutFailure(entry);
			}
			else {
				Duration delay = this.properties.handlingRetryDelay().multipliedBy(1L << (attempt - 1));
				this.inbox.recordFailure(entry.updateId(), description, this.clock.instant().plus(delay));
				logger.warn("Update {} failed (attempt {}), retrying in {} ms: {}", entry.updateId(), attempt,
						delay.toMillis(), description);
			}
		}
		catch (RuntimeException storeFailure) {
			logger.error("Update {} failed and its failure could not be recorded either: {}", entry.updateId(),
					Failures.describe(storeFailure));
		}
	}

	private void tellAboutFailure(Inbox.Entry entry) {
		try {
			this.transactions
				.executeWithoutResult(status -> this.outbox.enqueue(this.handler.onFailure(entry.event())));
		}
		catch (RuntimeException ex) {
			logger.error("Update {}: the apology for its failure could not be queued either: {}", entry.updateId(),
					Failures.describe(ex));
		}
	}

	private void work() {
		while (this.running) {
			try {
				Duration wait = processDue();
				if (!wait.isZero()) {
					this.inbox.awaitArrivals(wait);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Throwable failure) {
				logger.error("Inbox processing failed, retrying in 1 s: {}", Failures.describe(failure));
				sleepQuietly(Duration.ofSeconds(1));
			}
		}
	}

	static void joinQuietly(Thread thread, Duration timeout) {
		if (thread == null) {
			return;
		}
		try {
			thread.join(timeout.toMillis());
			if (thread.isAlive()) {
				thread.interrupt();
				thread.join(500);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
