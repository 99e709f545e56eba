package org.haqqim.conversation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Knowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Language;
import org.haqqim.reports.FloodGuard;
import org.haqqim.reports.Reports;
import org.haqqim.reports.StaffDesk;
import org.haqqim.system.StaffChat;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.ChatMoveDetected;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.InboundHandler;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routes every inbound event: the staff chat to the staff desk, a private chat (past the
 * ban list and the flood limit) to the conversation, any other group out of the bot. It
 * runs inside the transaction of its inbox row, so what it queues is sent exactly when
 * its changes are committed.
 */
@Component
@WhenChatting
class Dispatcher implements InboundHandler {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	private static final Set<String> STAFF_COMMANDS = Set.of("cases", "take", "close", "reopen", "note", "ban",
			"stats");

	private final Conversation conversation;

	private final StaffDesk staffDesk;

	private final Reports reports;

	private final FloodGuard flood;

	private final StaffChat staffChat;

	private final Knowledge knowledge;

	private final Outbox outbox;

	/**
	 * A staff group that became a supergroup: not left, not obeyed, until an operator
	 * sets its new id.
	 */
	private final Set<Long> movedStaffChats = ConcurrentHashMap.newKeySet();

	Dispatcher(Conversation conversation, StaffDesk staffDesk, Reports reports, FloodGuard flood, StaffChat staffChat,
			Knowledge knowledge, Outbox outbox) {
		this.conversation = conversation;
		this.staffDesk = staffDesk;
		this.reports = reports;
		this.flood = flood;
		this.staffChat = staffChat;
		this.knowledge = knowledge;
		this.outbox = outbox;
	}

	@Override
	public void handle(InboundEvent event) {
		long chat = event.origin().chatId();
		boolean fromOtherBot = event.origin().fromBot() && !event.origin().anonymousAdmin()
				&& !(event instanceof InboundEvent.Membership);
		if (chat == 0 || fromOtherBot) {
			return;
		}
		if (chat == this.staffChat.id()) {
			if (event instanceof InboundEvent.ChatMigrated migrated) {
				this.movedStaffChats.add(migrated.newChatId());
				logger.error("The staff group became a supergroup with id {}; set STAFF_CHAT_ID to it and restart",
						migrated.newChatId());
				return;
			}
			this.staffDesk.handle(event);
			return;
		}
		if (!event.origin().isPrivate()) {
			leaveUnlessMovedStaffChat(event);
			return;
		}
		if (this.reports.isBanned(chat)) {
			return;
		}
		FloodGuard.Verdict verdict = this.flood.check(chat);
		if (verdict != FloodGuard.Verdict.ALLOW) {
			if (verdict == FloodGuard.Verdict.WARN) {
				this.outbox.enqueue(OutboundMessage.Text.of(chat,
						this.knowledge.current().text("rate-limit.warning", audience(event))));
			}
			return;
		}
		if (event instanceof InboundEvent.Text text && isStaffCommand(text.text())) {
			logger.warn("A staff command sent in a private chat was refused (update {})", event.origin().updateId());
			this.outbox.enqueue(
					OutboundMessage.Text.of(chat, this.knowledge.current().text("staff.refused", audience(event))));
			return;
		}
		this.conversation.handle(event);
	}

	/**
	 * After an update failed for good: a generic apology, with the case number when there
	 * is one.
	 */
	@Override
	public void onFailure(InboundEvent event) {
		long chat = event.origin().chatId();
		if (!event.origin().isPrivate() || chat == 0) {
			return;
		}
		KnowledgeBase base = this.knowledge.current();
		Optional<Long> open = this.reports.openCase(chat);
		String apology = base.text("error.generic", audience(event));
		String withCase = open
			.map(id -> apology + "\n"
					+ base.text("report.already-open", audience(event), Map.of("case", Long.toString(id))))
			.orElse(apology);
		this.outbox.enqueue(OutboundMessage.Text.of(chat, withCase));
	}

	@EventListener
	void onChatMoved(ChatMoveDetected moved) {
		if (moved.oldChatId() == this.staffChat.id()) {
			this.movedStaffChats.add(moved.newChatId());
		}
	}

	private void leaveUnlessMovedStaffChat(InboundEvent event) {
		long chat = event.origin().chatId();
		if (this.movedStaffChats.contains(chat)) {
			return;
		}
		if (event instanceof InboundEvent.Membership membership && !membership.botIsMember()) {
			return;
		}
		// A group's id is not a person's data; printing it is how an operator finds the
		// staff group's id.
		logger.warn("Leaving group {}: it is not the staff chat. If it is your staff group, set STAFF_CHAT_ID={} "
				+ "and restart.", chat, chat);
		this.outbox.enqueue(new OutboundMessage.Leave(chat));
	}

	private Audience audience(InboundEvent event) {
		return new Audience(languageHint(this.knowledge.current(), event.origin().languageCode()), Optional.empty());
	}

	private static boolean isStaffCommand(String text) {
		return Conversation.isCommand(text) && STAFF_COMMANDS.contains(Conversation.command(text));
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
