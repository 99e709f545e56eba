package org.haqqim.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.haqqim.system.BotIdentity;
import org.haqqim.system.Duty;
import org.haqqim.system.StaffChat;
import org.haqqim.system.StartupRefusal;
import org.haqqim.transport.Deliverer;
import org.haqqim.transport.Inbox;
import org.haqqim.transport.SendPacing;
import org.haqqim.transport.TransportProperties;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the bot to Telegram when it runs in Telegram mode. Polling and sending use
 * separate HTTP clients: a long poll holds its connection for the poll timeout, which
 * must not delay a send.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "haqqim.mode", havingValue = "telegram")
class TelegramConfiguration {

	@Bean
	StaffChat staffChat(TelegramProperties properties) {
		if (!properties.hasToken()) {
			throw new StartupRefusal(
					"TELEGRAM_BOT_TOKEN is missing: set it to the token from BotFather, or run ./haqqim console");
		}
		return new StaffChat(properties.requireStaffChatId());
	}

	@Bean
	PollingHeartbeat pollingHeartbeat(MeterRegistry registry) {
		PollingHeartbeat heartbeat = new PollingHeartbeat();
		FunctionCounter.builder("haqqim.telegram.updates.received", heartbeat, PollingHeartbeat::updatesReceived)
			.description("updates received from Telegram")
			.register(registry);
		FunctionCounter.builder("haqqim.telegram.poll.errors", heartbeat, PollingHeartbeat::failures)
			.description("polls of Telegram that failed")
			.register(registry);
		return heartbeat;
	}

	/** Readiness: polling works. */
	@Bean("telegramPollingHealthIndicator")
	PollingHealth telegramPolling(PollingHeartbeat heartbeat, Clock clock) {
		return new PollingHealth(heartbeat, clock);
	}

	@Bean
	HeartbeatFile heartbeatFile(TelegramProperties properties) {
		return new HeartbeatFile(properties.heartbeatFile());
	}

	@Bean
	StandbyHeartbeat standbyHeartbeat(HeartbeatFile file, Duty duty, Clock clock) {
		return new StandbyHeartbeat(file, duty, clock);
	}

	@Bean
	TelegramPoller telegramPoller(TelegramProperties properties, Inbox inbox, PollingHeartbeat heartbeat,
			HeartbeatFile heartbeatFile, BotIdentity identity, Duty duty, Clock clock) {
		Duration pollDeadline = properties.pollTimeout().plus(properties.callTimeout());
		OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
			.readTimeout(pollDeadline)
			.callTimeout(pollDeadline)
			.build();
		TelegramClient client = new OkHttpTelegramClient(http, properties.token(), telegramUrl(properties));
		return new TelegramPoller(client, http, inbox, new UpdateMapper(), heartbeat, heartbeatFile, properties,
				identity, duty, clock);
	}

	/**
	 * OkHttp runs at most five calls to one host at a time by default: as many as the
	 * relay's senders may run at once, so that a few hanging sends never queue the others
	 * behind them.
	 */
	@Bean
	Deliverer telegramDeliverer(TelegramProperties properties, TransportProperties transport) {
		Dispatcher dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(transport.sendThreads());
		dispatcher.setMaxRequestsPerHost(transport.sendThreads());
		OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
			.connectionPool(new ConnectionPool(transport.sendThreads(), 5, TimeUnit.MINUTES))
			.connectTimeout(Duration.ofSeconds(10))
			.readTimeout(properties.sendTimeout())
			.writeTimeout(properties.sendTimeout())
			.callTimeout(properties.sendTimeout())
			.build();
		TelegramClient client = new OkHttpTelegramClient(http, properties.token(), telegramUrl(properties));
		return new TelegramDeliverer(client, properties.sendTimeout().plusSeconds(1));
	}

	@Bean
	SendPacing telegramPacing(TelegramProperties properties) {
		return new TelegramPacing(properties.privateChatMessagesPerSecond(), properties.groupMessagesPerMinute(),
				properties.messagesPerSecond());
	}

	private static TelegramUrl telegramUrl(TelegramProperties properties) {
		return new TelegramUrl(properties.apiUrl().getScheme().toLowerCase(), properties.apiUrl().getHost(),
				properties.apiPort(), false);
	}

}
