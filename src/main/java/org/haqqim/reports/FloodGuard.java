package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.haqqim.system.WhenChatting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps one person from flooding the bot and, through it, the staff chat: past the
 * per-minute limit the person gets one warning, and further messages in that minute are
 * dropped and counted.
 */
@Component
@WhenChatting
public class FloodGuard {

	private static final Logger logger = LoggerFactory.getLogger(FloodGuard.class);

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/**
	 * A person quiet this long has no messages left in the window: their count need not
	 * be kept.
	 */
	private static final Duration FORGET_QUIET_PEOPLE_AFTER = Duration.ofMinutes(5);

	private final ReportsProperties properties;

	private final Clock clock;

	private final Cache<Long, Window> windows;

	private final AtomicLong dropped = new AtomicLong();

	FloodGuard(ReportsProperties properties, Clock clock, Ticker ticker) {
		this.properties = properties;
		this.clock = clock;
		this.windows = Caffeine.newBuilder()
			.maximumSize(properties.peopleTracked())
			.expireAfterAccess(FORGET_QUIET_PEOPLE_AFTER)
			.ticker(ticker)
			.build();
	}

	/** What to do with a person's next message. */
	public enum Verdict {

		ALLOW, WARN, DROP

	}

	/**
	 * Counts a message by when it was sent ({@code sentAt}, or now when that is not
	 * known): messages sent at a calm pace while the bot was down arrive all at once, and
	 * must not be taken for a flood.
	 */
	public Verdict check(long chatId, Instant sentAt) {
		Window window = this.windows.get(chatId, id -> new Window());
		synchronized (window) {
			Instant now = sentAt == null ? this.clock.instant() : sentAt;
			while (!window.times.isEmpty() && window.times.peekFirst().plus(WINDOW).isBefore(now)) {
				window.times.removeFirst();
			}
			if (window.times.isEmpty()) {
				window.warned = false;
			}
			if (window.times.size() < this.properties.userMessagesPerMinute()) {
				window.times.addLast(now);
				return Verdict.ALLOW;
			}
			if (!window.warned) {
				window.warned = true;
				logger.warn("A person passed {} messages a minute and is throttled",
						this.properties.userMessagesPerMinute());
				return Verdict.WARN;
			}
			long total = this.dropped.incrementAndGet();
			if (total % 100 == 1) {
				logger.warn("{} message(s) dropped by the flood limit since start", total);
			}
			return Verdict.DROP;
		}
	}

	private static final class Window {

		private final Deque<Instant> times = new ArrayDeque<>();

		private boolean warned;

	}

}
