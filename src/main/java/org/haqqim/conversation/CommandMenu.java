package org.haqqim.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeReloaded;
import org.haqqim.knowledge.Language;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
import org.haqqim.transport.Replies;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The menu of commands next to the message field, in each language Telegram has a code
 * for, plus a default in the bot's default language for everyone else. Set at start-up
 * and after every reload, through the outbox, so an unreachable Telegram only delays it.
 */
@Component
@WhenChatting
class CommandMenu {

	private final CurrentKnowledge knowledge;

	private final Outbox outbox;

	CommandMenu(CurrentKnowledge knowledge, Outbox outbox) {
		this.knowledge = knowledge;
		this.outbox = outbox;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		publish(this.knowledge.current());
	}

	@EventListener
	void onReload(KnowledgeReloaded reloaded) {
		publish(reloaded.knowledge());
	}

	private void publish(KnowledgeBase base) {
		this.outbox.enqueue(Replies.of(menus(base)));
	}

	/** The default menu, then one per language Telegram can tell apart. */
	static List<OutboundMessage.Commands> menus(KnowledgeBase base) {
		List<OutboundMessage.Commands> menus = new ArrayList<>();
		menus.add(menu(base, null, base.defaultLanguage()));
		for (Language language : base.languages()) {
			// Telegram knows two-letter codes only; the Cyrillic Uzbek menu cannot be
			// told apart from the Latin one.
			if (!language.isGenerated()) {
				menus.add(menu(base, language.code(), language.code()));
			}
		}
		return menus;
	}

	private static OutboundMessage.Commands menu(KnowledgeBase base, String telegramCode, String language) {
		Audience audience = new Audience(language, Optional.empty());
		List<OutboundMessage.Command> commands = new ArrayList<>();
		for (ChatCommand command : ChatCommand.menu()) {
			commands.add(new OutboundMessage.Command(command.typed(),
					base.plainText("command." + command.typed(), audience)));
		}
		return new OutboundMessage.Commands(telegramCode, commands);
	}

}
