package org.haqqim.conversation;

import org.haqqim.transport.Keyboard;
import org.haqqim.transport.OutboundMessage;

/** A message as the person will see it: its text (Telegram HTML) and its buttons. */
record Screen(String html, Keyboard keyboard) {

	OutboundMessage.Text sendTo(long chatId) {
		return OutboundMessage.Text.of(chatId, this.html, this.keyboard);
	}

	/**
	 * Replaces the message the person pressed a button on, when there is one and the
	 * keyboard allows it; otherwise sends the screen as a new message.
	 */
	OutboundMessage replacing(long chatId, Integer messageId) {
		if (messageId == null || (this.keyboard != null && !(this.keyboard instanceof Keyboard.Inline))) {
			return sendTo(chatId);
		}
		return new OutboundMessage.Edit(chatId, messageId, this.html, (Keyboard.Inline) this.keyboard);
	}

}
