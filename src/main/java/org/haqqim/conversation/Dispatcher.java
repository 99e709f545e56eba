package org.haqqim.conversation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.reports.Desks;
import org.haqqim.reports.FloodGuard;
import org.haqqim.reports.Reports;
import org.haqqim.reports.StaffCommand;
import org.haqqim.reports.StaffDesk;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.ChatMoveDetected;
import org.haqqim.transport.CommandText;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.InboundHandler;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routes every inbound event to what answers it: the staff chat to the staff desk, a
 * private chat (past the ban list and the flood limit) to the conversation, any other
 * group out of the bot. It returns the replies; the inbox processor queues them in the
 * transaction of the event, so they are sent exactly when its changes are committed.
 */
@Component
@WhenChatting
class Dispatcher implements InboundHandler {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	private final ChatUsers users;

	private final Conversation conversation;

	private final StaffDesk staffDesk;

	private final Reports reports;

	private final FloodGuard flood;

	private final Desks desks;

	private final CurrentKnowledge knowledge;

	/**
	 * A staff group that became a supergroup: not left, not obeyed, until an operator
	 * sets its new id.
	 */
	private final Set<Long> movedStaffChats = ConcurrentHashMap.newKeySet();

	Dispatcher(Conversation conversation, StaffDesk staffDesk, Reports reports, FloodGuard flood, Desks desks,
			CurrentKnowledge knowledge, ChatUsers users) {
		this.users = users;
		this.conversation = conversation;
		this.staffDesk = staffDesk;
		this.reports = reports;
		this.flood = flood;
		this.desks = desks;
		this.knowledge = knowledge;
	}

	@Override
	public Replies handle(InboundEvent event) {
		long chat = event.origin().chatId();
		if (chat == 0 || isFromAnotherBot(event)) {
			return Replies.none();
		}
		if (this.desks.isStaffChat(chat)) {
			return fromStaffChat(event);
		}
		if (!event.origin().isPrivate()) {
			return this.reports.isEscalationChat(chat) ? Replies.none() : leaveUnlessMovedStaffChat(event);
		}
		if (this.reports.isBanned(chat)) {
			return this.conversation.handleBanned(event);
		}
		return switch (this.flood.check(chat, event.origin().sentAt())) {
			case DROP -> Replies.none();
			case WARN -> notice(event, "rate-limit.warning");
			case ALLOW -> isStaffCommand(event) ? refuseStaffCommand(event) : this.conversation.handle(event);
		};
	}

	/**
	 * After an update failed for good: a generic apology, with the case number when there
	 * is one.
	 */
	@Override
	public Replies onFailure(InboundEvent event) {
		long chat = event.origin().chatId();
		if (!event.origin().isPrivate() || chat == 0) {
			return Replies.none();
		}
		KnowledgeBase base = this.knowledge.current();
		Audience audience = appAudience(event);
		String apology = base.text("error.generic", audience);
		String withCase = this.reports.openCase(chat)
			.map(id -> apology + "\n" + base.text("report.already-open", audience, Map.of("case", Long.toString(id))))
			.orElse(apology);
		return Replies.of(OutboundMessage.Text.of(chat, withCase));
	}

	@EventListener
	void onChatMoved(ChatMoveDetected moved) {
		if (this.desks.isStaffChat(moved.oldChatId())) {
			this.movedStaffChats.add(moved.newChatId());
		}
	}

	private Replies fromStaffChat(InboundEvent event) {
		if (event instanceof InboundEvent.ChatMigrated migrated) {
			this.movedStaffChats.add(migrated.newChatId());
			logger.error("A staff group became a supergroup with id {}; set its desk's chat (STAFF_CHAT_ID or"
					+ " HAQQIM_REPORTS_DESKS_<ID>_CHAT) to it and restart", migrated.newChatId());
			return Replies.none();
		}
		return this.staffDesk.handle(event);
	}

	private Replies leaveUnlessMovedStaffChat(InboundEvent event) {
		long chat = event.origin().chatId();
		if (this.movedStaffChats.contains(chat)
				|| (event instanceof InboundEvent.Membership membership && !membership.botIsMember())) {
			return Replies.none();
		}
		// A group's id is not a person's data; printing it is how an operator finds the
		// staff group's id.
		logger.warn("Leaving group {}: it is not the staff chat. If it is your staff group, set STAFF_CHAT_ID={} "
				+ "and restart.", chat, chat);
		return Replies.of(new OutboundMessage.Leave(chat));
	}

	private Replies refuseStaffCommand(InboundEvent event) {
		logger.warn("A staff command sent in a private chat was refused (update {})", event.origin().updateId());
		return notice(event, "staff.refused");
	}

	private Replies notice(InboundEvent event, String key) {
		return Replies.of(OutboundMessage.Text.of(event.origin().chatId(),
				this.knowledge.current().text(key, appAudience(event))));
	}

	/**
	 * Whom a notice outside the conversation is for: the language of the person's app.
	 */
	private Audience appAudience(InboundEvent event) {
		return this.users.find(event.origin().chatId())
			.audience(this.knowledge.current().languageForApp(event.origin().languageCode()));
	}

	private static boolean isFromAnotherBot(InboundEvent event) {
		return event.origin().fromBot() && !event.origin().anonymousAdmin()
				&& !(event instanceof InboundEvent.Membership);
	}

	private static boolean isStaffCommand(InboundEvent event) {
		return CommandText.of(event).flatMap(command -> StaffCommand.named(command.name())).isPresent();
	}

}
