package org.haqqim.system;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bot's own username, as Telegram told it when polling began: what links to the bot
 * are made of. Unknown in the console chat, and until Telegram first answers.
 */
public final class BotIdentity {

	private final AtomicReference<String> username = new AtomicReference<>();

	public Optional<String> username() {
		return Optional.ofNullable(this.username.get());
	}

	public void identified(String username) {
		this.username.set(username == null || username.isBlank() ? null : username);
	}

}
