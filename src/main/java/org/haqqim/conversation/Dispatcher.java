package org.haqqim.conversation;

import java.util.Locale;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Knowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Language;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.InboundHandler;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;

import org.springframework.stereotype.Component;

/**
 * Routes every inbound event to the part of the bot that handles it. Runs inside the transaction of
 * its inbox row, so what it queues is sent exactly when its changes are committed.
 */
@Component
class Dispatcher implements InboundHandler {

	private final Knowledge knowledge;

	private final Outbox outbox;

	Dispatcher(Knowledge knowledge, Outbox outbox) {
		this.knowledge = knowledge;
		this.outbox = outbox;
	}

	@Override
	public void handle(InboundEvent event) {
		if (!event.origin().isPrivate() || event.origin().fromBot()) {
			return;
		}
		KnowledgeBase base = this.knowledge.current();
		Audience audience = new Audience(languageHint(base, event.origin().languageCode()), java.util.Optional.empty());
		long chat = event.origin().chatId();
		if (event instanceof InboundEvent.ButtonPress press) {
			this.outbox.enqueue(new OutboundMessage.CallbackAnswer(chat, press.callbackId(), null));
		}
		else if (event instanceof InboundEvent.Text text && isCommand(text.text(), "start")) {
			this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("welcome", audience)));
		}
		else {
			this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("help", audience)));
		}
	}

	private static boolean isCommand(String text, String command) {
		String first = text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
		return first.equals("/" + command) || first.startsWith("/" + command + "@");
	}

	/** The language Telegram's app language suggests, or the default. */
	static String languageHint(KnowledgeBase base, String telegramCode) {
		if (telegramCode != null) {
			String primary = telegramCode.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
			for (Language language : base.languages()) {
				if (language.telegramCodes().contains(primary)) {
					return language.code();
				}
			}
		}
		return base.defaultLanguage();
	}

}
