package org.haqqim.transport;

/**
 * An update the bot could not read (a field missing or of the wrong type, as a future Bot
 * API or a proxy might send). It is kept as it came, as a failed inbox row an operator
 * can inspect, and confirmed like any other, so that one update never stops every chat.
 * {@code toString()} hides its content.
 *
 * @param updateId the update's id, which confirms it
 * @param chatId the chat it seems to come from, so that {@code /forget} finds it; 0 when
 * unknown
 * @param raw the update as Telegram sent it
 * @param reason what could not be read, by field name only: never a value
 */
public record UnreadableUpdate(long updateId, long chatId, String raw, String reason) {

	@Override
	public String toString() {
		return "UnreadableUpdate[update=" + this.updateId + ", reason=" + this.reason + "]";
	}

}
