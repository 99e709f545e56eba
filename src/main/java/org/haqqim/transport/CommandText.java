package org.haqqim.transport;

import java.util.Locale;
import java.util.Optional;

/**
 * A message that starts with a slash, read as a command: {@code /take@haqqim_bot 12 note}
 * is the command {@code take} with the arguments {@code 12 note}. Telegram adds the bot's
 * name in groups; it does not count.
 *
 * @param name the command's name, lower case, without the slash or the bot's name
 * @param arguments what follows the name, stripped; empty when nothing does
 */
public record CommandText(String name, String arguments) {

	public static Optional<CommandText> parse(String text) {
		String stripped = text == null ? "" : text.strip();
		if (!stripped.startsWith("/")) {
			return Optional.empty();
		}
		String[] parts = stripped.split("\\s+", 2);
		String name = parts[0].substring(1);
		int at = name.indexOf('@');
		if (at >= 0) {
			name = name.substring(0, at);
		}
		return Optional.of(new CommandText(name.toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : ""));
	}

	/** The command in a message, if the event is a text that is one. */
	public static Optional<CommandText> of(InboundEvent event) {
		return event instanceof InboundEvent.Text text ? parse(text.text()) : Optional.empty();
	}

	@Override
	public String toString() {
		return "CommandText[" + this.name + ", arguments=" + this.arguments.length() + " characters]";
	}

}
