package org.haqqim.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Waits for a Bot API call with a deadline. TelegramBots' own {@code execute} waits
 * without one, and hangs for ever when an answer lacks the {@code ok} field; every call
 * here ends in time.
 */
final class BotApi {

	private BotApi() {
	}

	@FunctionalInterface
	interface Call<T> {

		CompletableFuture<T> start() throws TelegramApiException;

	}

	static <T> T await(Call<T> call, Duration timeout)
			throws TelegramApiException, TimeoutException, InterruptedException {
		CompletableFuture<T> future = call.start();
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof TelegramApiException apiException) {
				throw apiException;
			}
			throw new TelegramApiException("Bot API call failed: " + cause.getClass().getSimpleName(), cause);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw ex;
		}
	}

}
