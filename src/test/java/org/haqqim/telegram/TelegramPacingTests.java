package org.haqqim.telegram;

import java.time.Duration;
import java.time.Instant;

import org.haqqim.transport.OutboundMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram's flood limits: about 1/s per private chat, 20/min per group, 30/s for the
 * bot.
 */
class TelegramPacingTests {

	private final Instant start = Instant.parse("2026-11-28T10:00:00Z");

	@Test
	void privateChatGetsAboutOneMessageASecond() {
		TelegramPacing pacing = new TelegramPacing(1, 20, 30);
		OutboundMessage message = OutboundMessage.Text.of(42, "x");
		assertThat(pacing.tryAcquire(message, this.start)).isTrue();
		assertThat(pacing.tryAcquire(message, this.start.plusMillis(500))).isFalse();
		assertThat(pacing.nextChance(message, this.start.plusMillis(500))).isEqualTo(this.start.plusSeconds(1));
		assertThat(pacing.tryAcquire(message, this.start.plusSeconds(1))).isTrue();
	}

	@Test
	void groupGetsAtMostTwentyAMinute() {
		TelegramPacing pacing = new TelegramPacing(1, 20, 30);
		OutboundMessage message = OutboundMessage.Text.of(-100, "x");
		int sent = 0;
		for (int second = 0; second < 60; second++) {
			if (pacing.tryAcquire(message, this.start.plusSeconds(second))) {
				sent++;
			}
		}
		assertThat(sent).isEqualTo(20);
		assertThat(pacing.tryAcquire(message, this.start.plusSeconds(60))).isTrue();
	}

	@Test
	void wholeBotGetsAtMostThirtyASecondAcrossChats() {
		TelegramPacing pacing = new TelegramPacing(1, 20, 30);
		int sent = 0;
		for (long chat = 1; chat <= 40; chat++) {
			if (pacing.tryAcquire(OutboundMessage.Text.of(chat, "x"), this.start)) {
				sent++;
			}
		}
		assertThat(sent).isEqualTo(30);
		assertThat(pacing.nextChanceForAny(this.start)).isEqualTo(this.start.plusSeconds(1));
		assertThat(pacing.nextChanceForAny(this.start.plusSeconds(1))).isEqualTo(this.start.plusSeconds(1));
	}

	@Test
	void editsAndButtonAnswersDoNotCountAgainstTheChat() {
		TelegramPacing pacing = new TelegramPacing(1, 20, 30);
		assertThat(pacing.tryAcquire(OutboundMessage.Text.of(7, "x"), this.start)).isTrue();
		assertThat(pacing.tryAcquire(new OutboundMessage.CallbackAnswer(7, "cb", null), this.start)).isTrue();
		assertThat(pacing.tryAcquire(new OutboundMessage.Edit(7, 1, "y", null), this.start.plus(Duration.ofMillis(10))))
			.isTrue();
	}

	@Test
	void aNewForumTopicCountsAgainstTheGroupForTelegramPostsAMessageForIt() {
		TelegramPacing pacing = new TelegramPacing(1, 2, 30);
		assertThat(pacing.tryAcquire(new OutboundMessage.CreateTopic(-100, "Case #1"), this.start)).isTrue();
		assertThat(pacing.tryAcquire(OutboundMessage.Text.of(-100, "card"), this.start.plusSeconds(1))).isTrue();
		assertThat(pacing.tryAcquire(OutboundMessage.Text.of(-100, "card"), this.start.plusSeconds(2))).isFalse();
	}

}
