package org.haqqim.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.OkHttpClient;
import org.haqqim.system.Backoff;
import org.haqqim.system.BotIdentity;
import org.haqqim.system.Failures;
import org.haqqim.system.Duty;
import org.haqqim.system.Phases;
import org.haqqim.system.Worker;
import org.haqqim.transport.Inbox;
import org.haqqim.transport.UpdateBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long-polls Telegram into the {@link Inbox}. Unlike the loop that TelegramBots ships, it
 * confirms an update only after the update is committed (the offset it asks for is the
 * one stored with the batch), honours {@code retry_after}, backs off at most
 * {@code maxBackoff} however long an outage lasts, starts even when Telegram is
 * unreachable, and never lets an exception end the loop.
 */
class TelegramPoller extends Worker {

	private static final Logger logger = LoggerFactory.getLogger(TelegramPoller.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

	static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query",
			"my_chat_member");

	private final TelegramClient client;

	private final OkHttpClient httpClient;

	private final Inbox inbox;

	private final UpdateMapper mapper;

	private final PollingHeartbeat heartbeat;

	private final TelegramProperties properties;

	private final BotIdentity identity;

	private final Clock clock;

	private final Backoff backoff;

	private int failures;

	private boolean webhookCleared;

	private Instant nextHeartbeatLog;

	private final HeartbeatFile heartbeatFile;

	TelegramPoller(TelegramClient client, OkHttpClient httpClient, Inbox inbox, UpdateMapper mapper,
			PollingHeartbeat heartbeat, HeartbeatFile heartbeatFile, TelegramProperties properties,
			BotIdentity identity, Duty duty, Clock clock) {
		super("telegram-poller", Phases.RECEIVER, STOP_TIMEOUT, duty);
		this.identity = identity;
		this.client = client;
		this.httpClient = httpClient;
		this.inbox = inbox;
		this.mapper = mapper;
		this.heartbeat = heartbeat;
		this.heartbeatFile = heartbeatFile;
		this.properties = properties;
		this.clock = clock;
		this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
	}

	@Override
	protected void starting() {
		this.nextHeartbeatLog = this.clock.instant().plus(this.properties.heartbeatInterval());
		logger.info("Polling Telegram at {}", this.properties.apiUrl());
	}

	/**
	 * Stops at once: a poll under way is cancelled; its updates were not confirmed and
	 * come again.
	 */
	@Override
	protected void wake() {
		this.httpClient.dispatcher().cancelAll();
	}

	@Override
	protected void stopped() {
		logger.info("Polling stopped");
	}

	/** One poll; after a failure, how long to wait before the next. */
	@Override
	protected Duration work() throws InterruptedException {
		Duration pause;
		try {
			if (!this.webhookCleared) {
				prepare();
			}
			pollOnce();
			this.failures = 0;
			logHeartbeatWhenDue();
			return Duration.ZERO;
		}
		catch (TelegramApiRequestException ex) {
			pause = pauseAfterApiError(ex);
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (TimeoutException ex) {
			pause = nextPause();
			logger.warn("Telegram did not answer in time; polling again in {} ms", pause.toMillis());
		}
		catch (Exception ex) {
			if (isStopping()) {
				return Duration.ZERO;
			}
			pause = nextPause();
			logger.warn("Polling Telegram failed ({}); polling again in {} ms", Failures.describe(ex),
					pause.toMillis());
		}
		this.heartbeat.recordFailure();
		logHeartbeatWhenDue();
		return pause;
	}

	/**
	 * Removes a webhook, which would make getUpdates fail, and logs which bot this is.
	 */
	private void prepare() throws Exception {
		BotApi.await(() -> this.client.executeAsync(DeleteWebhook.builder().dropPendingUpdates(false).build()),
				this.properties.callTimeout());
		User me = BotApi.await(() -> this.client.executeAsync(GetMe.builder().build()), this.properties.callTimeout());
		logger.info("Connected to Telegram as @{}", me.getUserName());
		this.identity.identified(me.getUserName());
		this.webhookCleared = true;
	}

	private void pollOnce() throws Exception {
		long offset = this.inbox.nextOffset();
		GetUpdatesOneByOne getUpdates = new GetUpdatesOneByOne(offset > 0 ? (int) offset : null, 100,
				(int) this.properties.pollTimeout().toSeconds(), ALLOWED_UPDATES);
		Duration deadline = this.properties.pollTimeout().plus(this.properties.callTimeout());
		List<ObjectNode> updates = BotApi.await(() -> this.client.executeAsync(getUpdates), deadline);
		this.heartbeat.recordSuccess(this.clock.instant(), updates.size());
		this.heartbeatFile.polled(this.clock.instant());
		if (!updates.isEmpty()) {
			storeUntilCommitted(this.mapper.read(updates, offset));
		}
	}

	/**
	 * Stores a batch, retrying while the database is unavailable. The batch stays
	 * unconfirmed at Telegram until it is stored; if the bot stops first, Telegram
	 * delivers it again.
	 */
	private void storeUntilCommitted(UpdateBatch batch) throws InterruptedException {
		while (!isStopping()) {
			try {
				this.inbox.store(batch);
				return;
			}
			catch (RuntimeException ex) {
				Duration pause = nextPause();
				logger.error("{} update(s) could not be stored ({}); they stay unconfirmed at Telegram. "
						+ "Retrying in {} ms", batch.size(), Failures.describe(ex), pause.toMillis());
				pause(pause);
			}
		}
	}

	private Duration pauseAfterApiError(TelegramApiRequestException ex) {
		Integer code = ex.getErrorCode();
		String description = ex.getApiResponse();
		if (code != null && code == 429) {
			Duration wait = Duration.ofSeconds(retryAfter(ex));
			logger.warn("Telegram asks to wait {} s before polling again", wait.toSeconds());
			return wait;
		}
		Duration pause = nextPause();
		if (code != null && code == 409) {
			if (description != null && description.toLowerCase().contains("webhook")) {
				this.webhookCleared = false;
			}
			logger.error("Telegram reports a conflict: another process is polling with this bot token, or a webhook "
					+ "is set ({}). Polling again in {} ms", description, pause.toMillis());
		}
		else if (code != null && (code == 401 || code == 404)) {
			logger.error("Telegram rejected the bot token ({}): check TELEGRAM_BOT_TOKEN. Trying again in {} ms", code,
					pause.toMillis());
		}
		else if (code == null || code == 0) {
			logger.warn("Telegram's answer could not be read; polling again in {} ms", pause.toMillis());
		}
		else {
			logger.warn("Telegram answered {} ({}); polling again in {} ms", code, description, pause.toMillis());
		}
		return pause;
	}

	static int retryAfter(TelegramApiRequestException ex) {
		Integer seconds = ex.getParameters() == null ? null : ex.getParameters().getRetryAfter();
		return seconds == null ? 5 : seconds;
	}

	private void logHeartbeatWhenDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextHeartbeatLog)) {
			return;
		}
		this.nextHeartbeatLog = now.plus(this.properties.heartbeatInterval());
		String last = this.heartbeat.lastSuccess().map(Instant::toString).orElse("never");
		if (this.heartbeat.failuresSinceSuccess() == 0) {
			logger.info("Polling alive: last successful poll at {}, {} updates received since start", last,
					this.heartbeat.updatesReceived());
		}
		else {
			logger.warn("Polling failing: {} failures since the last successful poll at {}",
					this.heartbeat.failuresSinceSuccess(), last);
		}
	}

	private Duration nextPause() {
		this.failures++;
		return this.backoff.jitteredAfter(this.failures);
	}

}
