package org.haqqim.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.SendPacing;

/**
 * Telegram's flood limits as sliding windows: about one message a second in a private
 * chat, at most twenty a minute in a group, at most thirty a second for the whole bot.
 * Edits, button answers and other calls count only towards the bot-wide limit.
 */
class TelegramPacing implements SendPacing {

	private static final Duration SECOND = Duration.ofSeconds(1);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final int privateChatPerSecond;

	private final int groupPerMinute;

	private final int botPerSecond;

	private final Deque<Instant> botWindow = new ArrayDeque<>();

	private final Map<Long, Deque<Instant>> chatWindows = new HashMap<>();

	TelegramPacing(int privateChatPerSecond, int groupPerMinute, int botPerSecond) {
		this.privateChatPerSecond = privateChatPerSecond;
		this.groupPerMinute = groupPerMinute;
		this.botPerSecond = botPerSecond;
	}

	@Override
	public synchronized boolean tryAcquire(OutboundMessage message, Instant now) {
		if (!nextChance(message, now).isAfter(now)) {
			this.botWindow.addLast(now);
			if (message.isNewMessage()) {
				this.chatWindows.computeIfAbsent(message.chatId(), id -> new ArrayDeque<>()).addLast(now);
			}
			if (this.chatWindows.size() > 10_000) {
				this.chatWindows.values()
					.removeIf(window -> window.isEmpty() || window.peekLast().isBefore(now.minus(MINUTE)));
			}
			return true;
		}
		return false;
	}

	@Override
	public synchronized Instant nextChance(OutboundMessage message, Instant now) {
		Instant next = freeAt(this.botWindow, SECOND, this.botPerSecond, now);
		if (message.isNewMessage()) {
			Deque<Instant> chatWindow = this.chatWindows.get(message.chatId());
			if (chatWindow != null) {
				boolean group = message.chatId() < 0;
				Instant chatNext = group ? freeAt(chatWindow, MINUTE, this.groupPerMinute, now)
						: freeAt(chatWindow, SECOND, this.privateChatPerSecond, now);
				next = chatNext.isAfter(next) ? chatNext : next;
			}
		}
		return next;
	}

	@Override
	public synchronized Instant nextChanceForAny(Instant now) {
		return freeAt(this.botWindow, SECOND, this.botPerSecond, now);
	}

	/**
	 * When the window will have room for one more, after dropping entries that have left
	 * it.
	 */
	private static Instant freeAt(Deque<Instant> window, Duration length, int limit, Instant now) {
		while (!window.isEmpty() && !window.peekFirst().plus(length).isAfter(now)) {
			window.removeFirst();
		}
		if (window.size() < limit) {
			return now;
		}
		int excess = window.size() - limit;
		return window.stream().skip(excess).findFirst().orElse(now).plus(length);
	}

}
