package org.haqqim.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.haqqim.system.StartupRefusal;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Telegram. Bound from {@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL}
 * and {@code STAFF_CHAT_ID}. The token is checked here without ever being echoed, and
 * {@link #toString()} hides it.
 *
 * @param token the bot token from BotFather; empty to run without Telegram
 * @param apiUrl the Bot API base URL: scheme, host and port only
 * @param staffChat the id of the staff group, as configured (checked when polling starts)
 * @param pollTimeout how long one getUpdates call waits for updates at Telegram
 * @param initialBackoff the first pause after a failed poll
 * @param maxBackoff the longest pause between failed polls
 * @param callTimeout how long a call other than a send may take before it counts as
 * failed (also the margin a long poll is given beyond its own wait)
 * @param sendTimeout how long a send may take before it counts as failed. Telegram may
 * still deliver a send that timed out, and the bot then sends it again: a long timeout
 * keeps a slow Telegram from making duplicates, and costs nothing, since a slow send
 * holds back only its own chat
 * @param privateChatMessagesPerSecond Telegram's limit for one private chat
 * @param groupMessagesPerMinute Telegram's limit for one group
 * @param messagesPerSecond Telegram's limit for the whole bot
 * @param heartbeatInterval how often the poller logs that it is alive
 * @param heartbeatFile where the time of the last successful poll is written, for
 * {@code ./haqqim health}
 */
@Validated
@ConfigurationProperties("haqqim.telegram")
public record TelegramProperties(String token, @DefaultValue("https://api.telegram.org") @NotNull URI apiUrl,
		String staffChat,
		@DefaultValue("50s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration pollTimeout,
		@DefaultValue("500ms") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration initialBackoff,
		@DefaultValue("30s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration maxBackoff,
		@DefaultValue("20s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration callTimeout,
		@DefaultValue("60s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration sendTimeout,
		@DefaultValue("1") @Min(1) int privateChatMessagesPerSecond,
		@DefaultValue("20") @Min(1) int groupMessagesPerMinute, @DefaultValue("30") @Min(1) int messagesPerSecond,
		@DefaultValue("5m") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration heartbeatInterval,
		@DefaultValue("./data/heartbeat") @NotNull java.nio.file.Path heartbeatFile) {

	private static final Pattern TOKEN = Pattern.compile("\\d{5,15}:[A-Za-z0-9_-]{30,64}");

	private static final Pattern CHAT_ID = Pattern.compile("-?\\d{1,20}");

	public TelegramProperties {
		token = (token == null) ? "" : token.strip();
		if (!token.isEmpty() && !TOKEN.matcher(token).matches()) {
			throw new StartupRefusal("TELEGRAM_BOT_TOKEN is malformed: BotFather's tokens are digits, a colon and "
					+ "at least 30 letters, digits, '_' or '-'");
		}
		staffChat = (staffChat == null) ? "" : staffChat.strip();
		if (!staffChat.isEmpty() && !CHAT_ID.matcher(staffChat).matches()) {
			throw new StartupRefusal("STAFF_CHAT_ID is malformed: it must be a chat id such as -1001234567890");
		}
		if (apiUrl != null) {
			checkApiUrl(apiUrl);
		}
	}

	private static void checkApiUrl(URI url) {
		boolean schemeOk = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
		boolean pathOk = url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/");
		if (!schemeOk || url.getHost() == null || !pathOk || url.getQuery() != null) {
			throw new StartupRefusal("TELEGRAM_API_URL must be a base URL such as https://api.telegram.org or "
					+ "http://127.0.0.1:8081, without a path");
		}
	}

	public boolean hasToken() {
		return !this.token.isEmpty();
	}

	/**
	 * The staff chat's id; refuses to start when it is missing, since reports would have
	 * nowhere to go.
	 */
	public long requireStaffChatId() {
		if (this.staffChat.isEmpty()) {
			throw new StartupRefusal("STAFF_CHAT_ID is missing: set it to the id of the staff group "
					+ "(README: 'Find the staff group's chat id')");
		}
		long id = Long.parseLong(this.staffChat);
		if (id >= 0) {
			throw new StartupRefusal("STAFF_CHAT_ID must be the id of the staff group, which is negative (such as "
					+ "-1001234567890); " + this.staffChat + " is a private chat or no chat at all");
		}
		return id;
	}

	int apiPort() {
		if (this.apiUrl.getPort() != -1) {
			return this.apiUrl.getPort();
		}
		return "https".equalsIgnoreCase(this.apiUrl.getScheme()) ? 443 : 80;
	}

	@Override
	public String toString() {
		return "TelegramProperties[token=" + (hasToken() ? "(set)" : "(none)") + ", apiUrl=" + this.apiUrl
				+ ", staffChat=" + this.staffChat + "]";
	}

}
