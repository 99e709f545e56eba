package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Knowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.system.WhenChatting;
import org.haqqim.text.Html;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The staff chat: replies to case messages (or any message in a case's forum topic) go to
 * the person; commands manage cases. Commands are accepted only here, optionally only
 * from listed staff, never from anonymous admins; a reply to a message that belongs to no
 * case is answered "not linked" and nothing is sent to anyone. A case is found only
 * through the stored mapping, never from what someone typed.
 */
@Component
@WhenChatting
public class StaffDesk {

	private static final Logger logger = LoggerFactory.getLogger(StaffDesk.class);

	static final String TAKE = Reports.PREFIX + "take:";

	static final String CLOSE = Reports.PREFIX + "close:";

	private final Cases cases;

	private final StaffRelay staff;

	private final Knowledge knowledge;

	private final Outbox outbox;

	private final ReportsProperties properties;

	private final Clock clock;

	StaffDesk(Cases cases, StaffRelay staff, Knowledge knowledge, Outbox outbox, ReportsProperties properties,
			Clock clock) {
		this.cases = cases;
		this.staff = staff;
		this.knowledge = knowledge;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	public void handle(InboundEvent event) {
		if (event instanceof InboundEvent.ButtonPress press) {
			this.outbox.enqueue(new OutboundMessage.CallbackAnswer(press.origin().chatId(), press.callbackId(), null));
			if (authorised(event)) {
				pressButton(press);
			}
			return;
		}
		if (event instanceof InboundEvent.Text text && text.text().strip().startsWith("/")) {
			if (authorised(event)) {
				command(text);
			}
			return;
		}
		if (event instanceof InboundEvent.Text || event instanceof InboundEvent.Media) {
			relayAnswer(event);
		}
	}

	/** Whether a staff member may act; refusals are logged without content. */
	private boolean authorised(InboundEvent event) {
		Integer replyTo = event.origin().messageId();
		if (event.origin().anonymousAdmin()) {
			logger.warn("Staff command from an anonymous admin refused (update {})", event.origin().updateId());
			this.staff.tellStaff("staff.anonymous-refused", Map.of(), replyTo);
			return false;
		}
		if (!this.properties.staffUserIds().isEmpty()
				&& !this.properties.staffUserIds().contains(event.origin().userId())) {
			logger.warn("Staff command from a member not on the staff list refused (update {})",
					event.origin().updateId());
			this.staff.tellStaff("staff.not-allowed", Map.of(), replyTo);
			return false;
		}
		return true;
	}

	// --- answers to people
	// ---------------------------------------------------------------------------

	private void relayAnswer(InboundEvent event) {
		Optional<Case> target = caseOf(event);
		Integer message = event.origin().messageId();
		if (target.isEmpty()) {
			if (event.origin().replyToMessageId() != null) {
				this.staff.tellStaff("staff.not-linked", Map.of(), message);
			}
			return;
		}
		Case open = target.get();
		if (!open.status().isOpen()) {
			this.staff.tellStaff("staff.case-closed", Map.of("case", Long.toString(open.id())), message);
			return;
		}
		KnowledgeBase base = this.knowledge.current();
		Audience person = open.audience();
		String prefix = staffPrefix(base, person, event.origin().senderName());
		if (event instanceof InboundEvent.Text text) {
			this.outbox.enqueue(OutboundMessage.Text.of(open.chatId(), prefix + "\n" + Html.escape(text.text())),
					StaffRelay.TO_PERSON + open.id());
			this.cases.addMessage(open.id(), CaseMessage.Direction.OUT, "TEXT", text.text(), null, null, null, true);
		}
		else if (event instanceof InboundEvent.Media media && message != null) {
			String caption = media.caption() == null ? prefix : prefix + "\n" + Html.escape(media.caption());
			this.outbox.enqueue(
					new OutboundMessage.Copy(open.chatId(), null, media.origin().chatId(), message,
							caption.length() > 1000 ? caption.substring(0, 1000) : caption, null, false),
					StaffRelay.TO_PERSON + open.id());
			this.cases.addMessage(open.id(), CaseMessage.Direction.OUT, media.kind().name(), media.caption(),
					media.fileId(), null, null, true);
		}
		this.cases.answered(open.id());
		if (open.status() == CaseStatus.OPEN && event.origin().userId() != 0) {
			this.cases.take(open.id(), event.origin().userId());
		}
	}

	/**
	 * The case a staff message belongs to: the message it replies to, or the forum topic
	 * it is in.
	 */
	private Optional<Case> caseOf(InboundEvent event) {
		Integer replyTo = event.origin().replyToMessageId();
		if (replyTo != null) {
			return this.cases.caseOfStaffMessage(event.origin().chatId(), replyTo).flatMap(this.cases::find);
		}
		Integer thread = event.origin().threadId();
		if (thread != null) {
			return this.cases.byThread(thread);
		}
		return Optional.empty();
	}

	private String staffPrefix(KnowledgeBase base, Audience person, String staffName) {
		if (this.properties.showStaffNames() && staffName != null && !staffName.isBlank()) {
			return Html.bold(base.text("report.staff-prefix-named", person, Map.of("name", staffName)));
		}
		return Html.bold(base.text("report.staff-prefix", person));
	}

	// --- buttons and commands
	// ----------------------------------------------------------------------------

	private void pressButton(InboundEvent.ButtonPress press) {
		String data = press.data();
		Optional<Long> id = Optional.empty();
		if (data.startsWith(TAKE)) {
			id = number(data.substring(TAKE.length()));
			id.ifPresent(caseId -> take(caseId, press.origin()));
		}
		else if (data.startsWith(CLOSE)) {
			id = number(data.substring(CLOSE.length()));
			id.ifPresent(caseId -> close(caseId, null, press.origin()));
		}
	}

	private void command(InboundEvent.Text text) {
		String[] words = text.text().strip().split("\\s+", 3);
		String name = words[0].substring(1).split("@", 2)[0].toLowerCase(Locale.ROOT);
		Optional<Long> id = words.length > 1 ? number(words[1].replace("#", "")) : Optional.empty();
		String rest = words.length > 2 ? words[2] : null;
		Integer reply = text.origin().messageId();
		switch (name) {
			case "cases" -> listOpenCases(reply);
			case "stats" -> stats(reply);
			case "take" -> withCase(id, reply, caseId -> take(caseId, text.origin()));
			case "close" -> withCase(id, reply, caseId -> close(caseId, rest, text.origin()));
			case "reopen" -> withCase(id, reply, caseId -> reopen(caseId, reply));
			case "note" -> withCase(id, reply, caseId -> note(caseId, rest, reply));
			case "ban" -> withCase(id, reply, caseId -> ban(caseId, reply));
			default -> this.staff.tellStaff("staff.usage", Map.of(), reply);
		}
	}

	private void withCase(Optional<Long> id, Integer reply, java.util.function.LongConsumer action) {
		if (id.isEmpty()) {
			this.staff.tellStaff("staff.usage", Map.of(), reply);
			return;
		}
		if (this.cases.find(id.get())
			.filter(found -> found.status() != CaseStatus.DRAFT && found.status() != CaseStatus.INTAKE)
			.isEmpty()) {
			this.staff.tellStaff("staff.no-such-case", Map.of("case", Long.toString(id.get())), reply);
			return;
		}
		action.accept(id.get());
	}

	/** Takes a case, and shows its card again so the taker can answer it with a reply. */
	private void take(long caseId, org.haqqim.transport.Origin by) {
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			this.staff.tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), by.messageId());
			return;
		}
		this.cases.take(caseId, by.userId());
		Case taken = this.cases.find(caseId).orElseThrow();
		String who = by.senderName() == null || by.senderName().isBlank() ? "#" + by.userId() : by.senderName();
		this.staff.tell(taken, "staff.taken", Map.of("staff", who));
		if (!taken.announced() || (this.properties.forumTopics() && taken.threadId() == null)) {
			this.staff.showCard(taken);
		}
	}

	private void close(long caseId, String note, org.haqqim.transport.Origin by) {
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			this.staff.tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), by.messageId());
			return;
		}
		Case closing = found.get();
		if (note != null && !note.isBlank()) {
			this.cases.addMessage(caseId, CaseMessage.Direction.NOTE, "TEXT", note, null, null, null, true);
		}
		this.cases.close(caseId);
		this.staff.tell(closing, "staff.closed", Map.of());
		KnowledgeBase base = this.knowledge.current();
		Audience person = closing.audience();
		String id = Long.toString(caseId);
		this.outbox.enqueue(
				OutboundMessage.Text.of(closing.chatId(), base.text("report.closed", person, Map.of("case", id))),
				StaffRelay.TO_PERSON + caseId);
		this.outbox
			.enqueue(
					OutboundMessage.Text.of(closing.chatId(), base.text("report.rate", person),
							new Keyboard.Inline(List.of(List.of(
									new Keyboard.Button(base.plainText("button.helpful", person),
											Reports.PREFIX + "r:" + id + ":1"),
									new Keyboard.Button(base.plainText("button.not-helpful", person),
											Reports.PREFIX + "r:" + id + ":0"))))),
					StaffRelay.TO_PERSON + caseId);
	}

	private void reopen(long caseId, Integer reply) {
		Case found = this.cases.find(caseId).orElseThrow();
		if (found.status() != CaseStatus.CLOSED || found.chatId() == 0) {
			this.staff.tellStaff("staff.no-such-case", Map.of("case", Long.toString(caseId)), reply);
			return;
		}
		this.cases.reopen(caseId);
		this.staff.tell(found, "staff.reopened", Map.of());
		this.outbox.enqueue(
				OutboundMessage.Text.of(found.chatId(),
						this.knowledge.current()
							.text("report.reopened", found.audience(), Map.of("case", Long.toString(caseId)))),
				StaffRelay.TO_PERSON + caseId);
	}

	private void note(long caseId, String note, Integer reply) {
		if (note == null || note.isBlank()) {
			this.staff.tellStaff("staff.usage", Map.of(), reply);
			return;
		}
		this.cases.addMessage(caseId, CaseMessage.Direction.NOTE, "TEXT", note, null, null, null, true);
		this.staff.tellStaff("staff.note-saved", Map.of("case", Long.toString(caseId)), reply);
	}

	private void ban(long caseId, Integer reply) {
		Case found = this.cases.find(caseId).orElseThrow();
		if (found.chatId() != 0) {
			this.cases.ban(found.chatId());
		}
		this.staff.tellStaff("staff.banned", Map.of("case", Long.toString(caseId)), reply);
	}

	private void listOpenCases(Integer reply) {
		List<Case> open = this.cases.open();
		if (open.isEmpty()) {
			this.staff.tellStaff("staff.cases.none", Map.of(), reply);
			return;
		}
		Instant now = this.clock.instant();
		StringBuilder html = new StringBuilder(this.staff.text("staff.cases.header", Map.of()));
		for (Case each : open) {
			html.append('\n')
				.append(this.staff.text("staff.cases.line",
						Map.of("case", Long.toString(each.id()), "urgency",
								Html.toPlainText(this.staff
									.text(each.urgent() ? "staff.urgency.urgent" : "staff.urgency.normal", Map.of())),
								"topic", this.staff.topicTitle(each), "age", this.staff.age(each.age(now)), "status",
								Html.toPlainText(this.staff.text(
										each.status() == CaseStatus.TAKEN ? "staff.status.taken" : "staff.status.open",
										Map.of())))));
		}
		this.outbox
			.enqueue(new OutboundMessage.Text(this.staff.staffChatId(), html.toString(), null, null, reply, true));
	}

	/**
	 * Counts by status, topic and language, and the median time to a first staff answer.
	 */
	private void stats(Integer reply) {
		List<Case> all = this.cases.all();
		Map<CaseStatus, Long> byStatus = all.stream()
			.collect(Collectors.groupingBy(Case::status, TreeMap::new, Collectors.counting()));
		String topics = counts(all.stream().map(c -> c.topic() == null ? "-" : c.topic()).toList());
		String languages = counts(all.stream().map(Case::language).toList());
		List<Duration> answered = new ArrayList<>();
		for (Case each : all) {
			if (each.firstAnswerAt() != null && each.openedAt() != null) {
				answered.add(Duration.between(each.openedAt(), each.firstAnswerAt()));
			}
		}
		answered.sort(Comparator.naturalOrder());
		String median = answered.isEmpty() ? "-" : this.staff.age(answered.get(answered.size() / 2));
		this.staff.tellStaff("staff.stats", Map.of("open", Long.toString(byStatus.getOrDefault(CaseStatus.OPEN, 0L)),
				"taken", Long.toString(byStatus.getOrDefault(CaseStatus.TAKEN, 0L)), "closed",
				Long.toString(
						byStatus.getOrDefault(CaseStatus.CLOSED, 0L) + byStatus.getOrDefault(CaseStatus.WITHDRAWN, 0L)),
				"topics", topics, "languages", languages, "median", median), reply);
	}

	private static String counts(List<String> values) {
		Map<String, Long> counted = values.stream()
			.collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
		return counted.isEmpty() ? "-"
				: counted.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.map(e -> e.getKey() + " " + e.getValue())
					.collect(Collectors.joining(", "));
	}

	private static Optional<Long> number(String text) {
		try {
			return Optional.of(Long.parseLong(text.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
