package org.haqqim.reports;

import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.Topic;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Replies;

import org.springframework.stereotype.Component;

/**
 * The person's side of reports, as the conversation sees it: how a case begins, the
 * buttons of a case, and the messages that belong to one while it collects them (its
 * intake, then the open case).
 */
@Component
@WhenChatting
public class Reports {

	private final Cases cases;

	private final ReportIntake intake;

	private final CaseRelay relay;

	private final CurrentKnowledge knowledge;

	private final ReportsProperties properties;

	Reports(Cases cases, ReportIntake intake, CaseRelay relay, CurrentKnowledge knowledge,
			ReportsProperties properties) {
		this.cases = cases;
		this.intake = intake;
		this.relay = relay;
		this.knowledge = knowledge;
		this.properties = properties;
	}

	/**
	 * The replies when the event belongs to a case: a button of a case, or a message
	 * while the person's case collects them. Empty when the conversation should handle
	 * it.
	 */
	public Optional<Replies> handle(InboundEvent event, Audience audience) {
		if (event instanceof InboundEvent.ButtonPress press) {
			return CaseAction.isCaseButton(press.data()) ? Optional.of(press(press, audience)) : Optional.empty();
		}
		return this.cases.collecting(event.origin().chatId())
			.map(current -> current.asking() ? this.intake.answer(current, event, audience)
					: this.relay.fromPerson(current, event, audience));
	}

	/**
	 * An urgent message: what to do now, and the question whether to send it to staff.
	 */
	public Replies offerUrgentReport(InboundEvent.Text text, Audience audience, Optional<Topic> topic) {
		return this.intake.offer(text, audience, topic);
	}

	/**
	 * What to do now in an emergency, and nothing else: for a person staff banned, whose
	 * messages open no case.
	 */
	public Replies emergencyAdvice(InboundEvent.Text text, Audience audience, Optional<Topic> topic) {
		return this.intake.emergencyAdvice(text.origin().chatId(), audience, topic);
	}

	/**
	 * /cancel: no more intake questions. A case not yet with staff is dropped; one that
	 * reached them stays open. Empty when the person is not being asked anything.
	 */
	public Replies cancelIntake(long chatId, Audience audience) {
		return this.intake.cancel(chatId, audience);
	}

	/** "Write to staff" or /report, about a topic when there is one. */
	public Replies start(long chatId, Audience audience, Optional<String> topic) {
		return this.intake.start(chatId, audience, topic);
	}

	/** Media sent outside a case, for a "write to staff" that may follow. */
	public void rememberMedia(InboundEvent.Media media) {
		this.intake.rememberMedia(media);
	}

	/**
	 * Whether a chat is the escalation chat, where the bot only writes: it must not leave
	 * it as it leaves groups it does not know.
	 */
	public boolean isEscalationChat(long chatId) {
		return this.properties.escalationChatId().filter(id -> id == chatId).isPresent();
	}

	/** Whether staff banned the person, and the ban has not expired. */
	public boolean isBanned(long chatId) {
		return this.cases.isBanned(chatId, this.properties.banLasts());
	}

	/**
	 * The number of the person's case that collects their messages, if any, for a generic
	 * error message.
	 */
	public Optional<Long> openCase(long chatId) {
		return this.cases.collecting(chatId).map(Case::id);
	}

	public int retentionDays() {
		return (int) this.properties.retention().toDays();
	}

	/**
	 * The person asked to be forgotten: open cases are withdrawn (staff are told), the
	 * content of every case is erased, and the bot's copies in the staff chat are deleted
	 * where Telegram still allows it.
	 */
	public Replies forget(long chatId) {
		Replies replies = Replies.none();
		for (Case own : this.cases.ofPerson(chatId)) {
			if (own.status() == CaseStatus.DRAFT || own.status() == CaseStatus.INTAKE) {
				this.cases.delete(own.id());
				continue;
			}
			for (Cases.StaffMessage staffMessage : this.cases.staffMessagesOf(own.id())) {
				replies = replies
					.and(new OutboundMessage.Delete(staffMessage.chatId(), (int) staffMessage.messageId()));
			}
			if (own.status().isOpen()) {
				this.cases.withdraw(own.id());
				replies = replies.and(this.relay.tell(own, "staff.withdrawn", Map.of()));
			}
			this.cases.eraseContent(own.id());
		}
		this.intake.forgetMedia(chatId);
		return replies;
	}

	/** A button of a case; it acts only on a case of the chat it was pressed in. */
	private Replies press(InboundEvent.ButtonPress press, Audience audience) {
		long chat = press.origin().chatId();
		Optional<CaseAction> action = CaseAction.decode(press.data());
		Optional<Case> own = action.flatMap(decoded -> this.cases.find(decoded.caseId()))
			.filter(found -> found.chatId() == chat);
		if (own.isEmpty()) {
			return oldButton(chat, audience);
		}
		Case current = own.get();
		Audience caseAudience = current.audience();
		Integer message = press.origin().messageId();
		CaseAction decoded = action.get();
		if (decoded instanceof CaseAction.Consent) {
			return this.intake.consent(current, caseAudience, message);
		}
		if (decoded instanceof CaseAction.Decline) {
			return this.intake.decline(current, caseAudience, message);
		}
		if (decoded instanceof CaseAction.Skip) {
			return this.intake.skip(current, caseAudience);
		}
		if (decoded instanceof CaseAction.Stop) {
			return this.intake.cancel(chat, caseAudience);
		}
		if (decoded instanceof CaseAction.City city) {
			return this.intake.city(current, city.city(), caseAudience);
		}
		if (decoded instanceof CaseAction.When when) {
			return this.intake.when(current, when.happened(), caseAudience);
		}
		if (decoded instanceof CaseAction.Rate rate) {
			return rate(current, rate.helpful(), caseAudience);
		}
		return oldButton(chat, audience);
	}

	/** Whether staff helped: asked once the case is closed, counted once. */
	private Replies rate(Case closed, boolean helpful, Audience audience) {
		if (closed.status() != CaseStatus.CLOSED || closed.rating() != null) {
			return Replies.none();
		}
		this.cases.rate(closed.id(), helpful);
		return Replies.of(new ReportScreens(this.knowledge.current(), audience).ratingThanks().sendTo(closed.chatId()))
			.and(this.relay.tell(closed, helpful ? "staff.rating.good" : "staff.rating.bad", Map.of()));
	}

	private Replies oldButton(long chat, Audience audience) {
		return Replies.of(new ReportScreens(this.knowledge.current(), audience).oldButton().sendTo(chat));
	}

}
