package org.haqqim.cli;

import java.util.Locale;

/**
 * What the application is started for: to chat on Telegram, to chat in the console, or
 * for a moment, for a maintainers' command that needs its database. The workers and the
 * chat ends exist only in the first two ({@code system.WhenChatting}).
 */
enum Mode {

	TELEGRAM, CONSOLE, COMMAND;

	/** The value of {@code haqqim.mode} the configuration classes test. */
	String property() {
		return this == COMMAND ? "cli" : name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the start is quiet: warnings only, on standard error, so that the output is
	 * the command's own.
	 */
	boolean quiet() {
		return this != TELEGRAM;
	}

}
