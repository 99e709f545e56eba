package org.haqqim.transport;

/**
 * A message before it is addressed, as the person will see it: its text in Telegram's
 * HTML and its buttons.
 */
public record Screen(String html, Keyboard keyboard) {

	public static Screen of(String html) {
		return new Screen(html, null);
	}

	public OutboundMessage.Text sendTo(long chatId) {
		return OutboundMessage.Text.of(chatId, this.html, this.keyboard);
	}

	/**
	 * Replaces the message the person pressed a button on, when there is one and the
	 * keyboard allows it; otherwise sends the screen as a new message.
	 */
	public OutboundMessage replacing(long chatId, Integer messageId) {
		if (messageId == null || (this.keyboard != null && !(this.keyboard instanceof Keyboard.Inline))) {
			return sendTo(chatId);
		}
		return new OutboundMessage.Edit(chatId, messageId, this.html, (Keyboard.Inline) this.keyboard);
	}

}
