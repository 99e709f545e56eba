package org.haqqim.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The commands a person can type. Those in the menu are offered next to the message
 * field, each described by the text {@code command.<name>}; any other command gets the
 * help.
 */
enum ChatCommand {

	START(true), MENU(true), CONTACTS(true), REPORT(true), DATES(true), LANGUAGE(true), CITIZENSHIP(false),
	PRIVACY(true), FORGET(true), HELP(true), CANCEL(false);

	private final boolean inMenu;

	ChatCommand(boolean inMenu) {
		this.inMenu = inMenu;
	}

	/** The command as it is typed, without its slash. */
	String typed() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The commands offered in Telegram's menu, in its order. */
	static List<ChatCommand> menu() {
		return Stream.of(values()).filter(command -> command.inMenu).toList();
	}

	static Optional<ChatCommand> named(String name) {
		return Stream.of(values()).filter(command -> command.typed().equals(name)).findFirst();
	}

}
