package org.haqqim.transport;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.haqqim.EndToEndTest;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff group with hundreds of messages queued at Telegram's real pace of 20 a minute
 * (the reliability review measured a new person waiting 169 s behind one): a person's
 * answer goes out at once, and the staff queue keeps its order.
 */
class NoChatWaitsBehindAnotherTests extends EndToEndTest {

	private static final int STAFF_BACKLOG = 600;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void realGroupPace(DynamicPropertyRegistry registry) {
		registry.add("haqqim.telegram.group-messages-per-minute", () -> "20");
	}

	@Test
	void aPersonsAnswerIsNotBehindTheStaffChatsBacklog() {
		for (int i = 0; i < STAFF_BACKLOG; i++) {
			this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(STAFF_CHAT_ID, "card " + i)));
		}
		long user = newUser();
		telegram.userSays(user, "patent narxi qancha", "uz");
		FakeBotApi.Call answer = telegram.awaitScreen(user, 0, Duration.ofSeconds(10));
		assertThat(answer.text()).isNotBlank();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE chat_id = ? AND status = 'PENDING'")
			.param(STAFF_CHAT_ID)
			.query(Long.class)
			.single()).as("the staff backlog is still there").isGreaterThan(STAFF_BACKLOG - 30L);
		List<String> cards = telegram.awaitTextsTo(STAFF_CHAT_ID, 1, Duration.ofSeconds(10))
			.stream()
			.filter(text -> text.startsWith("card "))
			.toList();
		assertThat(cards).as("staff messages in their order")
			.isNotEmpty()
			.isEqualTo(IntStream.range(0, cards.size()).mapToObj(i -> "card " + i).toList());
	}

}
