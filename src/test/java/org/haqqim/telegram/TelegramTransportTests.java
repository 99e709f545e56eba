package org.haqqim.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.haqqim.EndToEndTest;
import org.haqqim.transport.Inbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Telegram transport end to end against the fake Bot API: nothing is lost or repeated
 * through outages, floods, bad answers and replays (reliability cases R1–R4, R18 of the
 * research notes).
 */
class TelegramTransportTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void startGetsItsReply() {
		long user = newUser();
		telegram.userSays(user, "/start", "ru");
		FakeBotApi.Call reply = telegram.awaitMessageTo(user, WAIT);
		assertThat(reply.text()).isNotBlank();
		assertThat(reply.token()).isEqualTo(FakeBotApi.CANARY_TOKEN);
		assertThat(reply.body().path("parse_mode").asText()).isEqualToIgnoringCase("html");
	}

	@Test
	void anUpdateIsConfirmedOnlyAfterItIsStored() {
		long user = newUser();
		long updateId = telegram.userSays(user, "/help", "ru");
		await().atMost(WAIT).until(() -> telegram.confirmedBelow() > updateId);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox WHERE update_id = ?")
			.param(updateId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void outageOfServerErrorsLosesNothingAndBacksOff() {
		long user = newUser();
		Instant outageStart = Instant.now();
		telegram.failEverything(FakeBotApi.Fault.serverError(502));
		long first = telegram.userSays(user, "/help", "ru");
		// The outage lasts three seconds: what is measured is how often the bot polls in
		// it.
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
		long pollsDuringOutage = telegram.calls("getupdates")
			.stream()
			.filter(call -> call.at().isAfter(outageStart))
			.count();
		telegram.recover();
		Instant recovered = Instant.now();
		long second = telegram.userSays(user, "/help", "ru");
		telegram.awaitTextsTo(user, 2, WAIT);
		FakeBotApi.Call replyAfterRecovery = telegram.acceptedTo(user, "sendmessage").get(1);
		// Backoff from 100 ms doubling to a 1 s cap: about eight polls in three seconds,
		// not hundreds.
		assertThat(pollsDuringOutage).isBetween(2L, 12L);
		assertThat(Duration.between(recovered, replyAfterRecovery.at())).isLessThan(Duration.ofSeconds(3));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox WHERE update_id IN (?, ?)")
			.params(first, second)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void pollerSurvivesEveryKindOfBrokenAnswer() {
		long user = newUser();
		List<FakeBotApi.Fault> faults = List.of(FakeBotApi.Fault.disconnect(), FakeBotApi.Fault.malformedJson(),
				FakeBotApi.Fault.withoutOk(), FakeBotApi.Fault.serverError(500), FakeBotApi.Fault.serverError(503),
				FakeBotApi.Fault.conflict(), FakeBotApi.Fault.delay(Duration.ofSeconds(4)));
		for (FakeBotApi.Fault fault : faults) {
			telegram.failNext("getupdates", fault, 1);
		}
		telegram.userSays(user, "/help", "ru");
		await().atMost(Duration.ofSeconds(30)).until(() -> telegram.textsSentTo(user).size() == 1);
		telegram.userSays(user, "/start", "ru");
		await().atMost(WAIT).until(() -> telegram.textsSentTo(user).size() == 2);
	}

	@Test
	void tooManyRequestsOnGetUpdatesIsWaitedOut() {
		long user = newUser();
		telegram.failNext("getupdates", FakeBotApi.Fault.tooManyRequests(3), 1);
		Instant start = Instant.now();
		await().atMost(WAIT)
			.until(() -> telegram.calls("getupdates").stream().anyMatch(call -> call.at().isAfter(start)));
		FakeBotApi.Call limited = telegram.calls("getupdates")
			.stream()
			.filter(call -> call.at().isAfter(start))
			.findFirst()
			.orElseThrow();
		telegram.userSays(user, "/help", "ru");
		await().atMost(WAIT).until(() -> telegram.textsSentTo(user).size() == 1);
		FakeBotApi.Call next = telegram.calls("getupdates")
			.stream()
			.filter(call -> call.at().isAfter(limited.at()))
			.findFirst()
			.orElseThrow();
		assertThat(Duration.between(limited.at(), next.at())).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
	}

	@Test
	void tooManyRequestsOnSendHoldsBackOnlyThatChat() {
		long slowUser = newUser();
		long otherUser = newUser();
		telegram.failNext("sendmessage", FakeBotApi.Fault.tooManyRequests(3), 1);
		telegram.userSays(slowUser, "/help", "ru");
		FakeBotApi.Call limited = telegram.awaitCall("sendmessage", call -> call.chatId() == slowUser, WAIT);
		telegram.userSays(otherUser, "/help", "ru");
		FakeBotApi.Call other = telegram.awaitCall("sendmessage", call -> call.chatId() == otherUser, WAIT);
		telegram.awaitTextsTo(slowUser, 1, WAIT);
		FakeBotApi.Call delivered = telegram.acceptedTo(slowUser, "sendmessage").get(0);
		assertThat(Duration.between(limited.at(), delivered.at())).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
		assertThat(other.at()).isBefore(delivered.at());
		awaitQuiet();
		assertThat(telegram.textsSentTo(slowUser)).hasSize(1);
		assertThat(telegram.calls("sendmessage").stream().filter(c -> c.chatId() == slowUser)).hasSize(2);
	}

	@Test
	void aBatchDeliveredTwiceIsHandledOnce() {
		long user = newUser();
		telegram.userSays(user, "/help", "ru");
		await().atMost(WAIT).until(() -> telegram.textsSentTo(user).size() == 1);
		telegram.replayLastBatch();
		long marker = telegram.userSays(user, "/start", "ru");
		await().atMost(WAIT).until(() -> telegram.confirmedBelow() > marker);
		await().atMost(WAIT).until(() -> telegram.textsSentTo(user).size() >= 2);
		awaitQuiet();
		assertThat(telegram.textsSentTo(user)).hasSize(2);
	}

}
