package org.haqqim.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haqqim.transport.ChatType;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.Inbox;
import org.haqqim.transport.InboxProcessor;
import org.haqqim.transport.MediaKind;
import org.haqqim.transport.Origin;
import org.haqqim.transport.OutboxRelay;

/**
 * Reads the console chat line by line, turns each line into the event Telegram would have
 * sent, and waits until the bot has answered before reading the next, so that a script's
 * output is in order. It ends at the end of its input.
 */
public class ConsoleChat {

	static final String INTRO = """
			Haqqim console chat. Type as a migrant would; the bot answers below.
			  2                     press button 2 of the bot's last message
			  @location 55.75 37.61 share a location      @contact +79001234567  share a phone number
			  @photo [caption]      send a photo (also @voice, @document, @sticker)
			  staff> TEXT           write in the staff chat as consular staff (staff> 2 presses a staff button)
			  staff#12> TEXT        reply in the staff chat to message [staff #12]
			End with Ctrl-D.
			""";

	private static final Pattern STAFF = Pattern.compile("^staff(?:#(\\d+))?>\\s?(.*)$", Pattern.DOTALL);

	private static final Pattern CHOICE = Pattern.compile("^\\[?(\\d{1,2})]?$");

	private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(30);

	private final Inbox inbox;

	private final InboxProcessor processor;

	private final OutboxRelay relay;

	private final ConsoleTerminal terminal;

	private long nextUpdateId;

	public ConsoleChat(Inbox inbox, InboxProcessor processor, OutboxRelay relay, ConsoleTerminal terminal) {
		this.inbox = inbox;
		this.processor = processor;
		this.relay = relay;
		this.terminal = terminal;
	}

	public void run(InputStream input, PrintStream output) {
		this.terminal.attach(output);
		this.nextUpdateId = this.inbox.highestUpdateId() + 1;
		output.print(INTRO);
		output.flush();
		BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
		try {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					toEvent(line.strip()).ifPresent(this.inbox::store);
					awaitQuiet();
				}
			}
		}
		catch (IOException ex) {
			output.println("(input could not be read: " + ex.getClass().getSimpleName() + ")");
		}
		awaitQuiet();
	}

	Optional<InboundEvent> toEvent(String line) {
		Matcher staff = STAFF.matcher(line);
		if (staff.matches()) {
			Integer replyTo = staff.group(1) == null ? null : Integer.valueOf(staff.group(1));
			return toEvent(ConsoleTerminal.STAFF_CHAT_ID, ChatType.SUPERGROUP, ConsoleTerminal.STAFF_USER_ID, replyTo,
					staff.group(2).strip());
		}
		return toEvent(ConsoleTerminal.USER_CHAT_ID, ChatType.PRIVATE, ConsoleTerminal.USER_CHAT_ID, null, line);
	}

	private Optional<InboundEvent> toEvent(long chatId, ChatType chatType, long userId, Integer replyTo, String body) {
		long updateId = this.nextUpdateId++;
		Matcher choice = CHOICE.matcher(body);
		if (choice.matches()) {
			Optional<ConsoleTerminal.ShownKeyboard> keyboard = this.terminal.lastKeyboard(chatId);
			int index = Integer.parseInt(choice.group(1)) - 1;
			if (keyboard.isPresent() && index >= 0 && index < keyboard.get().buttons().size()) {
				Origin origin = new Origin(updateId, chatId, chatType, userId, null, false, false,
						keyboard.get().messageId(), null, null, false, staffName(chatType));
				return Optional.of(new InboundEvent.ButtonPress(origin, "console-" + updateId,
						keyboard.get().buttons().get(index).data()));
			}
		}
		int messageId = this.terminal.nextMessageId(chatId);
		Origin origin = new Origin(updateId, chatId, chatType, userId, null, false, false, messageId, replyTo, null,
				false, staffName(chatType));
		if (body.startsWith("@")) {
			return Optional.of(pseudoInput(origin, body));
		}
		return Optional.of(new InboundEvent.Text(origin, body));
	}

	private InboundEvent pseudoInput(Origin origin, String body) {
		String[] parts = body.substring(1).split("\\s+", 2);
		String argument = parts.length > 1 ? parts[1] : null;
		switch (parts[0].toLowerCase(Locale.ROOT)) {
			case "location": {
				String[] coordinates = argument == null ? new String[0] : argument.split("[\\s,]+");
				if (coordinates.length == 2) {
					try {
						return new InboundEvent.Location(origin, Double.parseDouble(coordinates[0]),
								Double.parseDouble(coordinates[1]));
					}
					catch (NumberFormatException ex) {
						return new InboundEvent.Text(origin, body);
					}
				}
				return new InboundEvent.Text(origin, body);
			}
			case "contact":
				return new InboundEvent.Contact(origin, argument == null ? "" : argument, true);
			case "photo", "voice", "document", "sticker", "video", "audio": {
				MediaKind kind = MediaKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
				this.terminal.rememberMedia(origin.chatId(), origin.messageId(), kind);
				return new InboundEvent.Media(origin, kind,
						"console-" + kind.name().toLowerCase(Locale.ROOT) + "-" + origin.updateId(), argument);
			}
			default:
				return new InboundEvent.Text(origin, body);
		}
	}

	private static String staffName(ChatType chatType) {
		return chatType.isGroup() ? "Console staff" : null;
	}

	/** Waits until every stored line has been handled and every reply printed. */
	private void awaitQuiet() {
		long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
		int quietChecks = 0;
		while (System.nanoTime() < deadline) {
			if (this.processor.isIdle() && this.relay.isIdle()) {
				if (++quietChecks >= 2) {
					return;
				}
			}
			else {
				quietChecks = 0;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

}
