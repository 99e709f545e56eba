package org.haqqim.telegram;

import java.time.Duration;

import org.haqqim.transport.DeliveryResult;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/** How Telegram's errors are classified: wait, retry, move, or give up once. */
class TelegramDelivererTests {

	@Test
	void tooManyRequestsWaitsAsLongAsTelegramSays() {
		assertThat(TelegramDeliverer.classify(error(429, "Too Many Requests: retry after 7", 7, null)))
			.isEqualTo(new DeliveryResult.RetryAfter(Duration.ofSeconds(7)));
	}

	@Test
	void blockedByTheUserIsFinal() {
		assertThat(TelegramDeliverer.classify(error(403, "Forbidden: bot was blocked by the user", null, null)))
			.isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
					failure -> assertThat(failure.kind()).isEqualTo(DeliveryResult.FailureKind.BLOCKED));
	}

	@Test
	void movedGroupKeepsTheMessage() {
		assertThat(TelegramDeliverer.classify(error(400, "Bad Request: group chat was upgraded", null, -100999L)))
			.isEqualTo(new DeliveryResult.ChatMoved(-100999L));
	}

	@Test
	void serverErrorsAndUnreadableAnswersAreRetried() {
		assertThat(TelegramDeliverer.classify(error(502, "Bad Gateway", null, null)))
			.isInstanceOf(DeliveryResult.TransientFailure.class);
		assertThat(TelegramDeliverer.classify(new TelegramApiRequestException("Unable to deserialize response")))
			.isInstanceOf(DeliveryResult.TransientFailure.class);
	}

	@Test
	void otherBadRequestsAreRejectedOnce() {
		assertThat(TelegramDeliverer.classify(error(400, "Bad Request: chat not found", null, null)))
			.isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
					failure -> assertThat(failure.kind()).isEqualTo(DeliveryResult.FailureKind.REJECTED));
	}

	private static TelegramApiRequestException error(int code, String description, Integer retryAfter, Long movedTo) {
		ResponseParameters parameters = new ResponseParameters();
		parameters.setRetryAfter(retryAfter);
		parameters.setMigrateToChatId(movedTo);
		ApiResponse<Object> response = ApiResponse.builder()
			.ok(false)
			.errorCode(code)
			.errorDescription(description)
			.parameters(parameters)
			.build();
		return new TelegramApiRequestException("Error executing query", response);
	}

}
