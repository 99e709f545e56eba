package org.haqqim.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.haqqim.system.Backoff;
import org.haqqim.system.Failures;
import org.haqqim.system.Duty;
import org.haqqim.system.Phases;
import org.haqqim.system.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands committed updates to the {@link InboundHandler}, one at a time and in order per
 * chat. This is the error boundary for everything a person sends: an update whose
 * handling throws is rolled back, retried a few times while later updates of the same
 * chat wait, and then marked failed so that the chat moves on. Nothing escapes the loop.
 * <p>
 * Updates that wait together are handled in one transaction: one commit, and on SQLite
 * one write to disk, for up to {@link #GROUP} of them instead of one each, which on a
 * busy day was most of the cost of an update. When one of them fails, the group is
 * handled again one by one.
 */
public class InboxProcessor extends Worker {

	private static final Logger logger = LoggerFactory.getLogger(InboxProcessor.class);

	private static final int BATCH = 200;

	/** At most this many updates share a commit: their replies wait for it. */
	static final int GROUP = 50;

	private static final Duration IDLE_WAIT = Duration.ofMillis(500);

	/**
	 * Long enough to finish the update under way; what is not handled waits for the next
	 * start.
	 */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

	private final Inbox inbox;

	private final InboundHandler handler;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final TransportProperties properties;

	private final TransportMetrics metrics;

	private final Clock clock;

	private final Backoff retries;

	private volatile boolean busy;

	public InboxProcessor(Inbox inbox, InboundHandler handler, Outbox outbox, TransactionTemplate transactions,
			TransportProperties properties, TransportMetrics metrics, Duty duty, Clock clock) {
		super("inbox-processor", Phases.PROCESSOR, STOP_TIMEOUT, duty);
		this.metrics = metrics;
		this.inbox = inbox;
		this.handler = handler;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		// At most handlingAttempts - 1 retries: the pause doubles each time and is never
		// capped.
		this.retries = new Backoff(properties.handlingRetryDelay(),
				properties.handlingRetryDelay().multipliedBy(1L << Math.min(properties.handlingAttempts(), 20)));
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
		List<Inbox.Entry> group = new ArrayList<>();
		for (Inbox.Entry entry : pending) {
			if (waitingChats.contains(entry.chatId())) {
				continue;
			}
			if (entry.nextAttemptAt().isAfter(now)) {
				waitingChats.add(entry.chatId());
				untilNextRetry = WorkSignal.atMost(untilNextRetry, Duration.between(now, entry.nextAttemptAt()));
				continue;
			}
			group.add(entry);
			if (group.size() == GROUP) {
				waitingChats.addAll(handleTogether(group));
				group.clear();
			}
			if (isStopping()) {
				return untilNextRetry;
			}
		}
		if (!group.isEmpty()) {
			waitingChats.addAll(handleTogether(group));
		}
		return pending.size() == BATCH ? Duration.ZERO : untilNextRetry;
	}

	/**
	 * Handles updates in one transaction, in their order; when one of them fails, rolls
	 * it all back and handles each in a transaction of its own, so that the failure is
	 * the failing update's alone (and no cache keeps what a rolled-back update changed).
	 * Returns the chats whose update failed, whose later updates must wait.
	 */
	private Set<Long> handleTogether(List<Inbox.Entry> group) {
		this.busy = true;
		try {
			if (group.size() > 1) {
				Instant started = this.clock.instant();
				try {
					this.transactions.executeWithoutResult(status -> {
						group.forEach(this::handle);
						this.inbox.markDone(group.stream().map(Inbox.Entry::updateId).toList());
					});
					Duration each = Duration.between(started, this.clock.instant()).dividedBy(group.size());
					group.forEach(entry -> this.metrics.handled(TransportMetrics.Handled.DONE, each));
					return Set.of();
				}
				catch (Throwable failure) {
					logger.debug("One of {} updates handled together failed; handling each alone", group.size());
				}
			}
			Set<Long> waiting = new HashSet<>();
			for (Inbox.Entry entry : group) {
				if (waiting.contains(entry.chatId()) || !handleAlone(entry)) {
					waiting.add(entry.chatId());
				}
			}
			return waiting;
		}
		finally {
			this.busy = false;
		}
	}

	private boolean handleAlone(Inbox.Entry entry) {
		Instant started = this.clock.instant();
		try {
			this.transactions.executeWithoutResult(status -> {
				handle(entry);
				this.inbox.markDone(List.of(entry.updateId()));
			});
			this.metrics.handled(TransportMetrics.Handled.DONE, Duration.between(started, this.clock.instant()));
			return true;
		}
		catch (Throwable failure) {
			recordFailure(entry, failure);
			return false;
		}
	}

	private void handle(Inbox.Entry entry) {
		if (entry.event().isEmpty()) {
			this.inbox.markFailed(entry.updateId(), "stored event could not be read");
			logger.error("Update {} marked failed: its stored form could not be read", entry.updateId());
			return;
		}
		Replies replies = this.handler.handle(entry.event().get());
		this.outbox.enqueue(replies);
		replies.forgottenChats().forEach(this.inbox::forget);
	}

	private void recordFailure(Inbox.Entry entry, Throwable failure) {
		String description = Failures.describe(failure);
		int attempt = entry.attempts() + 1;
		try {
			if (attempt >= this.properties.handlingAttempts()) {
				this.metrics.handled(TransportMetrics.Handled.FAILED, Duration.ZERO);
				this.inbox.markFailed(entry.updateId(), description);
				logger.error("Update {} marked failed after {} attempts: {}", entry.updateId(), attempt, description);
				tellAboutFailure(entry);
			}
			else {
				Duration delay = this.retries.after(attempt);
				this.metrics.handled(TransportMetrics.Handled.RETRY, Duration.ZERO);
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
				.executeWithoutResult(status -> this.outbox.enqueue(this.handler.onFailure(entry.event().get())));
		}
		catch (RuntimeException ex) {
			logger.error("Update {}: the apology for its failure could not be queued either: {}", entry.updateId(),
					Failures.describe(ex));
		}
	}

	@Override
	protected Duration work() {
		return processDue();
	}

	@Override
	protected void awaitWork(Duration wait) throws InterruptedException {
		this.inbox.awaitArrivals(wait);
	}

	@Override
	protected void wake() {
		this.inbox.wake();
	}

}
