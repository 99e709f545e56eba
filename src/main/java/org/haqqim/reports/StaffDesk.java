package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.system.WhenChatting;
import org.haqqim.text.Html;
import org.haqqim.transport.CommandText;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.Origin;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Replies;
import org.haqqim.transport.Screen;
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

	private static final int MAX_CAPTION = 1000;

	private static final Logger logger = LoggerFactory.getLogger(StaffDesk.class);

	private final Cases cases;

	private final CaseRelay relay;

	private final CurrentKnowledge knowledge;

	private final ReportsProperties properties;

	private final Clock clock;

	StaffDesk(Cases cases, CaseRelay relay, CurrentKnowledge knowledge, ReportsProperties properties, Clock clock) {
		this.cases = cases;
		this.relay = relay;
		this.knowledge = knowledge;
		this.properties = properties;
		this.clock = clock;
	}

	/** What an event in the staff chat calls for. */
	public Replies handle(InboundEvent event) {
		if (event instanceof InboundEvent.ButtonPress press) {
			Replies answered = Replies
				.of(new OutboundMessage.CallbackAnswer(press.origin().chatId(), press.callbackId(), null));
			return authorised(event).map(answered::and).orElseGet(() -> answered.and(pressButton(press)));
		}
		Optional<CommandText> command = CommandText.of(event);
		if (command.isPresent()) {
			return authorised(event).orElseGet(() -> command(command.get(), event.origin()));
		}
		if (event instanceof InboundEvent.Text || event instanceof InboundEvent.Media) {
			return caseOf(event).isEmpty() ? answerPerson(event)
					: notOnTheStaffList(event).orElseGet(() -> answerPerson(event));
		}
		return Replies.none();
	}

	/**
	 * Empty when a staff member may act, else the refusal; refusals are logged without
	 * content.
	 */
	private Optional<Replies> authorised(InboundEvent event) {
		Integer replyTo = event.origin().messageId();
		if (event.origin().anonymousAdmin()) {
			logger.warn("Staff command from an anonymous admin refused (update {})", event.origin().updateId());
			return Optional.of(tellStaff("staff.anonymous-refused", Map.of(), replyTo));
		}
		return notOnTheStaffList(event);
	}

	/**
	 * With {@code STAFF_USER_IDS} set, only those people act for the consulate: take,
	 * close, or answer a person by replying to a case.
	 */
	private Optional<Replies> notOnTheStaffList(InboundEvent event) {
		List<Long> staff = this.properties.staffMembers();
		if (staff.isEmpty() || staff.contains(event.origin().userId())) {
			return Optional.empty();
		}
		logger.warn("A staff action from a member not on the staff list was refused (update {})",
				event.origin().updateId());
		return Optional.of(tellStaff("staff.not-allowed", Map.of(), event.origin().messageId()));
	}

	// --- answers to people

	/** A staff message in a case: to the person, as "Consulate staff:", text or media. */
	private Replies answerPerson(InboundEvent event) {
		Optional<Case> target = caseOf(event);
		Integer message = event.origin().messageId();
		if (target.isEmpty()) {
			return event.origin().replyToMessageId() != null ? tellStaff("staff.not-linked", Map.of(), message)
					: Replies.none();
		}
		Case open = target.get();
		if (!open.status().isOpen()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(open.id())), message);
		}
		String staffName = this.properties.showStaffNames() ? event.origin().senderName() : null;
		String heading = new ReportScreens(this.knowledge.current(), open.audience()).staffAnswerHeading(staffName);
		Replies replies = Replies.none();
		if (event instanceof InboundEvent.Text text) {
			replies = this.relay.toPerson(open, Screen.of(heading + "\n" + Html.escape(text.text())));
			this.cases.addStaffAnswer(open.id(), "TEXT", text.text(), null);
		}
		else if (event instanceof InboundEvent.Media media && message != null) {
			replies = Replies.of(
					new OutboundMessage.Copy(open.chatId(), null, media.origin().chatId(), message,
							captionForPerson(heading, media.caption()), null, false),
					CaseCorrelation.toPerson(open.id()).encode());
			this.cases.addStaffAnswer(open.id(), media.kind().name(), media.caption(), media.fileId());
		}
		this.cases.answered(open.id());
		if (open.status() == CaseStatus.OPEN && event.origin().userId() != 0) {
			this.cases.take(open.id(), event.origin().userId());
		}
		return replies;
	}

	/**
	 * Staff's caption under the heading, within Telegram's 1,000 shown characters: cut in
	 * its text, not in its markup, or Telegram would refuse the media.
	 */
	private static String captionForPerson(String heading, String caption) {
		if (caption == null) {
			return heading;
		}
		int room = MAX_CAPTION - Html.toPlainText(heading).length() - 3;
		int cut = Html.cutBetweenWords(caption, room);
		return heading + "\n" + Html.escape(cut == caption.length() ? caption : caption.substring(0, cut) + " …");
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

	// --- buttons and commands

	private Replies pressButton(InboundEvent.ButtonPress press) {
		Optional<CaseAction> action = CaseAction.decode(press.data());
		if (action.orElse(null) instanceof CaseAction.Take take) {
			return take(take.caseId(), press.origin());
		}
		if (action.orElse(null) instanceof CaseAction.Close close) {
			return close(close.caseId(), null, press.origin());
		}
		if (action.orElse(null) instanceof CaseAction.ShowCard show) {
			return showCard(show.caseId(), press.origin());
		}
		return Replies.none();
	}

	private Replies command(CommandText command, Origin by) {
		String[] words = command.arguments().isEmpty() ? new String[0] : command.arguments().split("\\s+", 2);
		Optional<Long> id = words.length > 0 ? number(words[0].replace("#", "")) : Optional.empty();
		String rest = words.length > 1 ? words[1] : null;
		Integer reply = by.messageId();
		Optional<StaffCommand> known = StaffCommand.named(command.name());
		if (known.isEmpty()) {
			return tellStaff("staff.usage", Map.of(), reply);
		}
		return switch (known.get()) {
			case CASES -> listOpenCases(reply);
			case STATS -> stats(reply);
			case TAKE -> withCase(id, reply, caseId -> take(caseId, by));
			case CLOSE -> withCase(id, reply, caseId -> close(caseId, rest, by));
			case REOPEN -> withCase(id, reply, caseId -> reopen(caseId, reply));
			case NOTE -> withCase(id, reply, caseId -> note(caseId, rest, reply));
			case REPLY ->
				id.isEmpty() ? listTemplates(reply) : withCase(id, reply, caseId -> sendTemplate(caseId, rest, by));
			case BAN -> withCase(id, reply, caseId -> ban(caseId, reply));
			case UNBAN -> withCase(id, reply, caseId -> unban(caseId, reply));
		};
	}

	/**
	 * A command about a case that staff have: one not yet sent to them does not exist for
	 * them.
	 */
	private Replies withCase(Optional<Long> id, Integer reply, LongFunction<Replies> action) {
		if (id.isEmpty()) {
			return tellStaff("staff.usage", Map.of(), reply);
		}
		boolean known = this.cases.find(id.get())
			.filter(found -> found.status() != CaseStatus.DRAFT && found.status() != CaseStatus.INTAKE)
			.isPresent();
		if (!known) {
			return tellStaff("staff.no-such-case", Map.of("case", Long.toString(id.get())), reply);
		}
		return action.apply(id.get());
	}

	/** Takes a case, and shows its card again so the taker can answer it with a reply. */
	private Replies take(long caseId, Origin by) {
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), by.messageId());
		}
		boolean waited = found.get().status() == CaseStatus.OPEN;
		this.cases.take(caseId, by.userId());
		Case taken = this.cases.find(caseId).orElseThrow();
		String who = by.senderName() == null || by.senderName().isBlank() ? "#" + by.userId() : by.senderName();
		Replies told = this.relay.tell(taken, "staff.taken", Map.of("staff", who));
		if (waited && taken.chatId() != 0) {
			told = told.and(this.relay.toPerson(taken,
					new ReportScreens(this.knowledge.current(), taken.audience()).taken(caseId)));
		}
		boolean cardMissing = !taken.staffSide().cardShown()
				|| (this.properties.forumTopics() && taken.staffSide().threadId() == null);
		return cardMissing ? told.and(this.relay.showCard(taken)) : told;
	}

	/**
	 * The full card of a case named in a digest, with what the person wrote: shown once,
	 * however often the button is pressed.
	 */
	private Replies showCard(long caseId, Origin by) {
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), by.messageId());
		}
		return found.get().staffSide().cardShown() ? Replies.none() : this.relay.showCard(found.get());
	}

	private Replies close(long caseId, String note, Origin by) {
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), by.messageId());
		}
		Case closing = found.get();
		Optional<String> outcome = outcomeOf(note);
		String rest = outcome.map(given -> note.strip().substring(given.length()).strip()).orElse(note);
		if (rest != null && !rest.isBlank()) {
			this.cases.addNote(caseId, rest);
		}
		this.cases.close(caseId, outcome.orElse(null));
		ReportScreens person = new ReportScreens(this.knowledge.current(), closing.audience());
		return this.relay.tell(closing, "staff.closed", Map.of())
			.and(this.relay.toPerson(closing, person.closed(caseId)))
			.and(this.relay.toPerson(closing, person.rating(caseId)));
	}

	/**
	 * The outcome a {@code /close} note starts with ({@code /close 12 released he is
	 * out}), one of the {@code outcome.*} texts of the knowledge base.
	 */
	private Optional<String> outcomeOf(String note) {
		if (note == null || note.isBlank()) {
			return Optional.empty();
		}
		String first = note.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
		return this.knowledge.current().textNamesUnder("outcome").stream().filter(first::equals).findFirst();
	}

	private Replies reopen(long caseId, Integer reply) {
		Case found = this.cases.find(caseId).orElseThrow();
		if (found.status().isOpen()) {
			return tellStaff("staff.open-already", Map.of("case", Long.toString(caseId)), reply);
		}
		if (found.status() != CaseStatus.CLOSED || found.chatId() == 0) {
			return tellStaff("staff.no-such-case", Map.of("case", Long.toString(caseId)), reply);
		}
		this.cases.reopen(caseId);
		ReportScreens person = new ReportScreens(this.knowledge.current(), found.audience());
		return this.relay.tell(found, "staff.reopened", Map.of())
			.and(this.relay.toPerson(found, person.reopened(caseId)));
	}

	/** The reply templates, each by its name and as staff read it. */
	private Replies listTemplates(Integer reply) {
		StaffScreens screens = this.relay.staffScreens();
		String list = this.knowledge.current()
			.textNamesUnder("template")
			.stream()
			.map(name -> name + " – " + screens.plainText("template." + name))
			.collect(Collectors.joining("\n"));
		return tellStaff("staff.templates", Map.of("templates", list), reply);
	}

	/**
	 * {@code /reply N NAME}: a reviewed text sent to the person in their language, while
	 * staff are shown it in theirs. It counts as a staff answer, like a reply to the
	 * card.
	 */
	private Replies sendTemplate(long caseId, String name, Origin by) {
		String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		if (!this.knowledge.current().textNamesUnder("template").contains(wanted)) {
			return listTemplates(by.messageId());
		}
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen() && c.chatId() != 0);
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), by.messageId());
		}
		Case open = found.get();
		String key = "template." + wanted;
		String staffName = this.properties.showStaffNames() ? by.senderName() : null;
		ReportScreens person = new ReportScreens(this.knowledge.current(), open.audience());
		String text = this.knowledge.current().text(key, open.audience());
		Replies replies = this.relay.toPerson(open, Screen.of(person.staffAnswerHeading(staffName) + "\n" + text));
		this.cases.addStaffAnswer(open.id(), "TEXT", Html.toPlainText(text), null);
		this.cases.answered(open.id());
		if (open.status() == CaseStatus.OPEN && by.userId() != 0) {
			this.cases.take(open.id(), by.userId());
		}
		return replies.and(this.relay.tell(open, "staff.template-sent",
				Map.of("template", this.relay.staffScreens().plainText(key))));
	}

	private Replies note(long caseId, String note, Integer reply) {
		if (note == null || note.isBlank()) {
			return tellStaff("staff.usage", Map.of(), reply);
		}
		this.cases.addNote(caseId, note);
		return tellStaff("staff.note-saved", Map.of("case", Long.toString(caseId)), reply);
	}

	private Replies ban(long caseId, Integer reply) {
		Case found = this.cases.find(caseId).orElseThrow();
		if (found.chatId() != 0) {
			this.cases.ban(found.chatId(), caseId);
		}
		return tellStaff("staff.banned",
				Map.of("case", Long.toString(caseId), "days", Long.toString(this.properties.banLasts().toDays())),
				reply);
	}

	private Replies unban(long caseId, Integer reply) {
		String key = this.cases.unban(caseId) ? "staff.unbanned" : "staff.not-banned";
		return tellStaff(key, Map.of("case", Long.toString(caseId)), reply);
	}

	private Replies listOpenCases(Integer reply) {
		List<Case> open = this.cases.open();
		if (open.isEmpty()) {
			return tellStaff("staff.cases.none", Map.of(), reply);
		}
		return this.relay.tellStaff(this.relay.staffScreens().openCases(open, this.clock.instant()), reply);
	}

	/**
	 * Counts by status, topic and language, and the median time to a first staff answer.
	 */
	private Replies stats(Integer reply) {
		List<Case> all = this.cases.all();
		Map<CaseStatus, Long> byStatus = all.stream()
			.collect(Collectors.groupingBy(Case::status, TreeMap::new, Collectors.counting()));
		String topics = counts(all.stream().map(c -> c.topic() == null ? "-" : c.topic()).toList());
		String languages = counts(all.stream().map(Case::language).toList());
		List<Duration> answered = new ArrayList<>();
		for (Case each : all) {
			Instant opened = each.timeline().openedAt();
			Instant firstAnswer = each.timeline().firstAnswerAt();
			if (firstAnswer != null && opened != null) {
				answered.add(Duration.between(opened, firstAnswer));
			}
		}
		answered.sort(Comparator.naturalOrder());
		StaffScreens screens = this.relay.staffScreens();
		String median = answered.isEmpty() ? "-" : screens.age(answered.get(answered.size() / 2));
		String slowest = answered.isEmpty() ? "-" : screens.age(answered.get((answered.size() * 9) / 10));
		long closed = byStatus.getOrDefault(CaseStatus.CLOSED, 0L) + byStatus.getOrDefault(CaseStatus.WITHDRAWN, 0L);
		long urgentWaiting = all.stream()
			.filter(each -> each.urgent() && each.status().isOpen() && each.timeline().firstAnswerAt() == null)
			.count();
		Map<String, String> params = new LinkedHashMap<>();
		params.put("open", Long.toString(byStatus.getOrDefault(CaseStatus.OPEN, 0L)));
		params.put("taken", Long.toString(byStatus.getOrDefault(CaseStatus.TAKEN, 0L)));
		params.put("closed", Long.toString(closed));
		params.put("urgent-waiting", Long.toString(urgentWaiting));
		params.put("outcomes", outcomes(screens));
		params.put("topics", topics);
		params.put("languages", languages);
		params.put("median", median);
		params.put("p90", slowest);
		return tellStaff("staff.stats", params, reply);
	}

	/** Closed cases by outcome, with the outcomes' names in the staff's language. */
	private String outcomes(StaffScreens screens) {
		Map<String, Long> byOutcome = this.cases.closedByOutcome();
		return byOutcome.isEmpty() ? "-"
				: byOutcome.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.map(each -> screens.outcomeName(each.getKey()) + " " + each.getValue())
					.collect(Collectors.joining(", "));
	}

	private Replies tellStaff(String key, Map<String, String> params, Integer replyTo) {
		return this.relay.tellStaff(this.relay.staffScreens().text(key, params), replyTo);
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
