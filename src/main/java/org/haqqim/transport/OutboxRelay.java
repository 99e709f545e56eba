package org.haqqim.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.haqqim.system.Backoff;
import org.haqqim.system.Failures;
import org.haqqim.system.Duty;
import org.haqqim.system.Phases;
import org.haqqim.system.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the {@link Outbox}: messages to one chat go one at a time and in order, several
 * chats are served at once, the platform's flood limits are kept, a wait the platform
 * asks for holds back only that chat, passing failures are retried with backoff, and a
 * message refused for good is marked failed once, with no retry storm.
 */
public class OutboxRelay extends Worker {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/**
	 * How many chats from the front of the line one pass looks at: far more than can be
	 * sent at once, since chats whose turn is later or whose message is under way are
	 * passed over.
	 */
	private static final int BATCH = 100;

	private static final Duration IDLE_WAIT = Duration.ofMillis(500);

	private static final Duration STALE_CHECK_INTERVAL = Duration.ofMinutes(1);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

	/** How long the sends under way may take to finish when the bot stops. */
	private static final Duration SENDS_STOP_TIMEOUT = Duration.ofSeconds(3);

	private final Outbox outbox;

	private final Deliverer deliverer;

	private final SendPacing pacing;

	private final List<DeliveryListener> listeners;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final TransportProperties properties;

	private final TransportMetrics metrics;

	private final Clock clock;

	private final Set<Long> chatsInFlight = ConcurrentHashMap.newKeySet();

	private final Set<Long> messagesInFlight = ConcurrentHashMap.newKeySet();

	private final Set<Long> movedChatsReported = ConcurrentHashMap.newKeySet();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Backoff retries;

	private ExecutorService senders;

	private Instant nextStaleCheck;

	public OutboxRelay(Outbox outbox, Deliverer deliverer, SendPacing pacing, List<DeliveryListener> listeners,
			ApplicationEventPublisher events, TransactionTemplate transactions, TransportProperties properties,
			TransportMetrics metrics, Duty duty, Clock clock) {
		super("outbox-relay", Phases.RELAY, STOP_TIMEOUT, duty);
		this.metrics = metrics;
		this.outbox = outbox;
		this.deliverer = deliverer;
		this.pacing = pacing;
		this.listeners = List.copyOf(listeners);
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.retries = new Backoff(properties.sendRetryDelay(), properties.maxSendRetryDelay());
	}

	/**
	 * Queues again what was being sent when the bot last stopped, then starts the
	 * senders.
	 */
	@Override
	protected void starting() {
		int recovered = this.outbox.recoverInterrupted();
		if (recovered > 0) {
			logger.warn("{} message(s) were being sent when the bot stopped; sending them again", recovered);
		}
		AtomicInteger threadNumber = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(this.properties.sendThreads(),
				runnable -> new Thread(runnable, "outbox-sender-" + threadNumber.incrementAndGet()));
		this.nextStaleCheck = this.clock.instant().plus(STALE_CHECK_INTERVAL);
	}

	/** Lets the sends under way finish, for a while. */
	@Override
	protected void stopped() {
		this.senders.shutdown();
		try {
			if (!this.senders.awaitTermination(SENDS_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.senders.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.senders.shutdownNow();
		}
	}

	/** True while nothing is being sent and nothing is waiting. */
	public boolean isIdle() {
		return this.inFlight.get() == 0 && this.outbox.countPending() == 0;
	}

	/**
	 * Starts the sends that are due and allowed now; returns how long until the next one
	 * may be.
	 */
	Duration dispatchDue() {
		List<Outbox.Entry> heads = this.outbox.heads(BATCH);
		Instant now = this.clock.instant();
		Duration wait = IDLE_WAIT;
		for (Outbox.Entry entry : heads) {
			if (this.inFlight.get() >= this.properties.sendThreads()) {
				break;
			}
			Instant anyNext = this.pacing.nextChanceForAny(now);
			if (anyNext.isAfter(now)) {
				wait = WorkSignal.atMost(wait, Duration.between(now, anyNext).plusMillis(1));
				break;
			}
			if (this.chatsInFlight.contains(entry.chatId())) {
				continue;
			}
			if (entry.nextAttemptAt().isAfter(now)) {
				wait = WorkSignal.atMost(wait, Duration.between(now, entry.nextAttemptAt()));
				continue;
			}
			Optional<OutboundMessage> stored = this.outbox.message(entry);
			if (stored.isEmpty()) {
				continue;
			}
			OutboundMessage message = stored.get();
			Instant next = this.pacing.nextChance(message, now);
			if (next.isAfter(now)) {
				wait = WorkSignal.atMost(wait, Duration.between(now, next).plusMillis(1));
				continue;
			}
			this.chatsInFlight.add(entry.chatId());
			this.messagesInFlight.add(entry.id());
			this.inFlight.incrementAndGet();
			this.senders.execute(() -> sendAndRecord(entry, message));
		}
		return wait;
	}

	private void sendAndRecord(Outbox.Entry entry, OutboundMessage message) {
		try {
			if (!this.outbox.markSending(entry.id())) {
				return;
			}
			if (!takeTurn(entry, message)) {
				return;
			}
			DeliveryResult result = this.deliverer.deliver(message);
			record(entry, message, result);
		}
		catch (Throwable failure) {
			logger.error("Sending outbox message {} failed unexpectedly: {}", entry.id(), Failures.describe(failure));
			try {
				this.outbox.reschedule(entry,
						this.clock.instant().plus(this.retries.jitteredAfter(entry.attempts() + 1)),
						Failures.describe(failure), true);
			}
			catch (RuntimeException storeFailure) {
				logger.error("Outbox message {} could not be rescheduled: {}", entry.id(),
						Failures.describe(storeFailure));
			}
		}
		finally {
			this.chatsInFlight.remove(entry.chatId());
			this.messagesInFlight.remove(entry.id());
			this.inFlight.decrementAndGet();
			this.outbox.wake();
		}
	}

	/**
	 * Takes the message's place in Telegram's limits right before the call, not when the
	 * send was dispatched: a sender can wait for the database in between, and sends paced
	 * early would then leave together, past the limit (the reliability review saw 45 a
	 * second at the wire). When the place went to another send meanwhile, the message
	 * goes back to the queue until its next chance, and the sender to other chats.
	 */
	private boolean takeTurn(Outbox.Entry entry, OutboundMessage message) {
		Instant now = this.clock.instant();
		if (this.pacing.tryAcquire(message, now)) {
			return true;
		}
		this.outbox.holdBack(entry, this.pacing.nextChance(message, now));
		return false;
	}

	private void record(Outbox.Entry entry, OutboundMessage message, DeliveryResult result) {
		Instant now = this.clock.instant();
		int attempts = entry.attempts() + 1;
		if (result instanceof DeliveryResult.Delivered delivered) {
			this.metrics.sent(TransportMetrics.Sent.OK);
			MessageDelivered event = new MessageDelivered(entry.id(), entry.correlation(), entry.chatId(), message,
					delivered.messageId());
			this.transactions.executeWithoutResult(status -> {
				this.outbox.markSent(entry, delivered.messageId());
				tellListeners(entry, listener -> listener.delivered(event));
			});
		}
		else if (result instanceof DeliveryResult.RetryAfter retry) {
			this.metrics.sent(TransportMetrics.Sent.RATE_LIMITED);
			logger.warn("Chat flood limit reached; outbox message {} waits {} s", entry.id(),
					retry.delay().toSeconds());
			this.outbox.reschedule(entry, now.plus(retry.delay()), "retry after " + retry.delay().toSeconds() + " s",
					false);
		}
		else if (result instanceof DeliveryResult.TransientFailure failure) {
			if (Duration.between(entry.createdAt(), now).compareTo(this.properties.giveUpSendingAfter()) > 0) {
				giveUp(entry, DeliveryResult.FailureKind.REJECTED,
						"gave up after " + attempts + " attempts: " + failure.reason());
			}
			else {
				this.metrics.sent(TransportMetrics.Sent.RETRY);
				Duration delay = this.retries.jitteredAfter(attempts);
				logger.warn("Outbox message {} not sent (attempt {}), retrying in {} ms: {}", entry.id(), attempts,
						delay.toMillis(), failure.reason());
				this.outbox.reschedule(entry, now.plus(delay), failure.reason(), true);
			}
		}
		else if (result instanceof DeliveryResult.PermanentFailure failure) {
			giveUp(entry, failure.kind(), failure.reason());
		}
		else if (result instanceof DeliveryResult.ChatMoved moved) {
			this.metrics.sent(TransportMetrics.Sent.CHAT_MOVED);
			if (this.movedChatsReported.add(entry.chatId())) {
				logger.error(
						"Chat {} became a supergroup with id {}. Messages to it are kept and retried; set the "
								+ "new id in the configuration (STAFF_CHAT_ID) and restart.",
						entry.chatId(), moved.newChatId());
				this.events.publishEvent(new ChatMoveDetected(entry.chatId(), moved.newChatId()));
			}
			this.outbox.reschedule(entry, now.plus(this.properties.maxSendRetryDelay()),
					"chat moved to " + moved.newChatId(), false);
		}
	}

	private void giveUp(Outbox.Entry entry, DeliveryResult.FailureKind kind, String reason) {
		this.metrics.sent(TransportMetrics.Sent.GAVE_UP);
		logger.warn("Outbox message {} failed for good ({}): {}", entry.id(), kind, reason);
		MessageUndeliverable event = new MessageUndeliverable(entry.id(), entry.correlation(), entry.chatId(), kind,
				reason);
		this.transactions.executeWithoutResult(status -> {
			this.outbox.markFailed(entry, reason);
			tellListeners(entry, listener -> listener.undeliverable(event));
		});
	}

	/** Only a message queued with a correlation is of interest to a feature. */
	private void tellListeners(Outbox.Entry entry, Function<DeliveryListener, Replies> outcome) {
		if (entry.correlation() == null) {
			return;
		}
		for (DeliveryListener listener : this.listeners) {
			this.outbox.enqueue(outcome.apply(listener));
		}
	}

	@Override
	protected Duration work() {
		if (this.clock.instant().isAfter(this.nextStaleCheck)) {
			this.nextStaleCheck = this.clock.instant().plus(STALE_CHECK_INTERVAL);
			int recovered = this.outbox.recoverStale(this.messagesInFlight);
			if (recovered > 0) {
				logger.warn("{} message(s) whose result could not be recorded are queued again", recovered);
			}
			int mended = this.outbox.mendLine();
			if (mended > 0) {
				logger.warn("The line of chats waiting for messages did not match the queue in {} chat(s); mended",
						mended);
			}
		}
		return dispatchDue();
	}

	@Override
	protected void awaitWork(Duration wait) throws InterruptedException {
		this.outbox.awaitQueued(wait);
	}

	@Override
	protected void wake() {
		this.outbox.wake();
	}

}
