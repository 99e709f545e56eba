package org.haqqim.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.haqqim.EndToEndTest;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
import org.haqqim.transport.Replies;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram answering slowly or not at all (D7, D8 and the pacing defect of the
 * reliability review): no duplicates from a slow answer, no chat held back by a few
 * hanging ones, and never more sends a second at the wire than Telegram allows.
 */
class SlowTelegramTests extends EndToEndTest {

	private static final int SENDS_PER_SECOND = 10;

	private static final Duration SLOW = Duration.ofSeconds(3);

	private static final Duration HANGING = Duration.ofSeconds(8);

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void slowTelegram(DynamicPropertyRegistry registry) {
		registry.add("haqqim.telegram.send-timeout", () -> "10s");
		registry.add("haqqim.telegram.messages-per-second", () -> Integer.toString(SENDS_PER_SECOND));
	}

	@Test
	void answersSlowerThanTheCallTimeoutMakeNoDuplicates() {
		List<Long> people = LongStream.range(0, 5).map(i -> newUser()).boxed().toList();
		for (long person : people) {
			telegram.failNextTo(person, "sendmessage", FakeBotApi.Fault.delay(SLOW));
			telegram.userSays(person, "/help", "ru");
		}
		for (long person : people) {
			telegram.awaitTextsTo(person, 1, WAIT);
		}
		telegram.awaitQuiet(this.jdbc, WAIT);
		for (long person : people) {
			assertThat(telegram.textsSentTo(person)).as("one answer, sent once").hasSize(1);
		}
	}

	@Test
	void hangingSendsToAFewChatsNeverDelayTheOthers() {
		List<Long> hanging = LongStream.range(0, 6).map(i -> newUser()).boxed().toList();
		for (long person : hanging) {
			telegram.failNextTo(person, "sendmessage", FakeBotApi.Fault.delay(HANGING));
			telegram.userSays(person, "/help", "ru");
		}
		for (long person : hanging) {
			telegram.awaitCall("sendmessage", call -> call.chatId() == person, WAIT);
		}
		Instant firstHangEnds = hanging.stream()
			.map(person -> telegram.calls("sendmessage").stream().filter(call -> call.chatId() == person).findFirst())
			.map(call -> call.orElseThrow().at().plus(HANGING))
			.min(Instant::compareTo)
			.orElseThrow();
		for (long other : LongStream.range(0, 5).map(i -> newUser()).boxed().toList()) {
			telegram.userSays(other, "/help", "ru");
			FakeBotApi.Call answer = telegram.awaitMessageTo(other, WAIT);
			assertThat(answer.at()).as("answered while six other chats hang").isBefore(firstHangEnds);
		}
		telegram.awaitQuiet(this.jdbc, WAIT);
	}

	@Test
	void theWireNeverSeesMoreSendsASecondThanTelegramAllows() {
		List<Long> hanging = LongStream.range(0, 16).map(i -> newUser()).boxed().toList();
		for (long person : hanging) {
			telegram.failNextTo(person, "sendmessage", FakeBotApi.Fault.delay(SLOW));
		}
		List<Long> queuedBehind = LongStream.range(0, 60).map(i -> newUser()).boxed().toList();
		for (long chat : hanging) {
			this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(chat, "notice")));
		}
		for (long chat : queuedBehind) {
			this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(chat, "notice")));
		}
		for (long chat : queuedBehind) {
			telegram.awaitTextsTo(chat, 1, WAIT);
		}
		List<Instant> sends = telegram.calls("sendmessage")
			.stream()
			.filter(call -> queuedBehind.contains(call.chatId()))
			.map(FakeBotApi.Call::at)
			.sorted()
			.toList();
		// These sends were queued while every sender hung, and used to leave together
		// when the senders came free (60 in one second before the fix). A call reaches
		// the wire some milliseconds after its turn is granted, and not always equally
		// late, so the window is shortened by what a busy machine adds (up to 300 ms).
		// The hanging chats' own first calls also waited for new connections: they are
		// not counted.
		Duration window = Duration.ofMillis(700);
		int most = 0;
		for (int first = 0, last = 0; last < sends.size(); last++) {
			while (!sends.get(first).plus(window).isAfter(sends.get(last))) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		assertThat(most).as("sends within 700 ms at the wire").isLessThanOrEqualTo(SENDS_PER_SECOND);
	}

}
