package org.haqqim.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRedactionTests {

	@Test
	void tokensAreMaskedWhereverTheyAppear() {
		String url = "http://127.0.0.1:8081/bot" + FakeBotApi.CANARY_TOKEN + "/sendmessage";
		assertThat(TokenRedaction.redact(url)).isEqualTo("http://127.0.0.1:8081/bot<bot-token>/sendmessage")
			.doesNotContain("TESTCANARY");
	}

	@Test
	void ordinaryTextIsLeftAlone() {
		assertThat(TokenRedaction.redact("update 123: stored at 10:00:00")).isEqualTo("update 123: stored at 10:00:00");
	}

}
