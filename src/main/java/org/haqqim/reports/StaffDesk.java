package org.haqqim.reports;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

	private final Desks desks;

	private final ReportMetrics metrics;

	private final Clock clock;

	StaffDesk(Cases cases, CaseRelay relay, CurrentKnowledge knowledge, ReportsProperties properties, Desks desks,
			ReportMetrics metrics, Clock clock) {
		this.metrics = metrics;
		this.cases = cases;
		this.relay = relay;
		this.knowledge = knowledge;
		this.properties = properties;
		this.desks = desks;
		this.clock = clock;
	}

	/**
	 * Where a staff message was written: the desk, and the message, which notices answer.
	 */
	private record At(Desk desk, Origin by) {

		Integer reply() {
			return this.by.messageId();
		}

	}

	/** What an event in a desk's staff chat calls for. */
	public Replies handle(InboundEvent event) {
		At at = new At(this.desks.atChat(event.origin().chatId()).orElse(this.desks.main()), event.origin());
		if (event instanceof InboundEvent.ButtonPress press) {
			Replies answered = Replies
				.of(new OutboundMessage.CallbackAnswer(press.origin().chatId(), press.callbackId(), null));
			return authorised(at).map(answered::and).orElseGet(() -> answered.and(pressButton(press, at)));
		}
		Optional<CommandText> command = CommandText.of(event);
		if (command.isPresent()) {
			return authorised(at).orElseGet(() -> command(command.get(), at));
		}
		if (event instanceof InboundEvent.Text || event instanceof InboundEvent.Media) {
			return caseOf(event, at).isEmpty() ? answerPerson(event, at)
					: notOnTheStaffList(at).orElseGet(() -> answerPerson(event, at));
		}
		return Replies.none();
	}

	/**
	 * Empty when a staff member may act, else the refusal; refusals are logged without
	 * content.
	 */
	private Optional<Replies> authorised(At at) {
		if (at.by().anonymousAdmin()) {
			logger.warn("Staff command from an anonymous admin refused (update {})", at.by().updateId());
			return Optional.of(tellStaff("staff.anonymous-refused", Map.of(), at));
		}
		return notOnTheStaffList(at);
	}

	/**
	 * With a desk's staff list set ({@code STAFF_USER_IDS} for the main desk), only those
	 * people act for it: take, close, or answer a person by replying to a case.
	 */
	private Optional<Replies> notOnTheStaffList(At at) {
		if (at.desk().lets(at.by().userId())) {
			return Optional.empty();
		}
		logger.warn("A staff action from a member not on the desk's staff list was refused (update {})",
				at.by().updateId());
		return Optional.of(tellStaff("staff.not-allowed", Map.of(), at));
	}

	// --- answers to people

	/** A staff message in a case: to the person, as "Consulate staff:", text or media. */
	private Replies answerPerson(InboundEvent event, At at) {
		Optional<Case> target = caseOf(event, at);
		Integer message = event.origin().messageId();
		if (target.isEmpty()) {
			return event.origin().replyToMessageId() != null ? tellStaff("staff.not-linked", Map.of(), at)
					: Replies.none();
		}
		Case open = target.get();
		if (!this.desks.of(open).id().equals(at.desk().id())) {
			return atAnotherDesk(open, at);
		}
		if (!open.status().isOpen()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(open.id())), at);
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
		this.metrics.firstAnswer(open);
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
	private Optional<Case> caseOf(InboundEvent event, At at) {
		Integer replyTo = event.origin().replyToMessageId();
		if (replyTo != null) {
			return this.cases.caseOfStaffMessage(event.origin().chatId(), replyTo).flatMap(this.cases::find);
		}
		Integer thread = event.origin().threadId();
		if (thread != null) {
			return this.cases.byThread(at.desk().id(), thread);
		}
		return Optional.empty();
	}

	/** A case another desk has now: named, with the desk, and nothing done. */
	private Replies atAnotherDesk(Case elsewhere, At at) {
		return tellStaff("staff.other-desk",
				Map.of("case", Long.toString(elsewhere.id()), "desk", this.desks.of(elsewhere).name()), at);
	}

	// --- buttons and commands

	private Replies pressButton(InboundEvent.ButtonPress press, At at) {
		Optional<CaseAction> action = CaseAction.decode(press.data());
		if (action.orElse(null) instanceof CaseAction.Take take) {
			return withCase(Optional.of(take.caseId()), at, caseId -> take(caseId, at));
		}
		if (action.orElse(null) instanceof CaseAction.Close close) {
			return withCase(Optional.of(close.caseId()), at, caseId -> close(caseId, null, at));
		}
		if (action.orElse(null) instanceof CaseAction.ShowCard show) {
			return withCase(Optional.of(show.caseId()), at, caseId -> showCard(caseId, at));
		}
		return Replies.none();
	}

	private Replies command(CommandText command, At at) {
		String[] words = command.arguments().isEmpty() ? new String[0] : command.arguments().split("\\s+", 2);
		Optional<Long> id = words.length > 0 ? number(words[0].replace("#", "")) : Optional.empty();
		String rest = words.length > 1 ? words[1] : null;
		Optional<StaffCommand> known = StaffCommand.named(command.name());
		if (known.isEmpty()) {
			return tellStaff("staff.usage", Map.of(), at);
		}
		return switch (known.get()) {
			case CASES -> listOpenCases(at);
			case STATS -> "chart".equalsIgnoreCase(command.arguments().strip()) ? statsChart(at) : stats(at);
			case TAKE -> withCase(id, at, caseId -> take(caseId, at));
			case CLOSE -> withCase(id, at, caseId -> close(caseId, rest, at));
			case REOPEN -> withCase(id, at, caseId -> reopen(caseId, at));
			case NOTE -> withCase(id, at, caseId -> note(caseId, rest, at));
			case REPLY -> id.isEmpty() ? listTemplates(at) : withCase(id, at, caseId -> sendTemplate(caseId, rest, at));
			case BAN -> withCase(id, at, caseId -> ban(caseId, at));
			case UNBAN -> withCase(id, at, caseId -> unban(caseId, at));
			case TRANSFER -> withCase(id, at, caseId -> transfer(caseId, rest, at));
		};
	}

	/**
	 * A command about a case that this desk has: one not yet sent to staff does not exist
	 * for them, and one at another desk is named with its desk and left alone.
	 */
	private Replies withCase(Optional<Long> id, At at, LongFunction<Replies> action) {
		if (id.isEmpty()) {
			return tellStaff("staff.usage", Map.of(), at);
		}
		Optional<Case> known = this.cases.find(id.get())
			.filter(found -> found.status() != CaseStatus.DRAFT && found.status() != CaseStatus.INTAKE);
		if (known.isEmpty()) {
			return tellStaff("staff.no-such-case", Map.of("case", Long.toString(id.get())), at);
		}
		if (!this.desks.of(known.get()).id().equals(at.desk().id())) {
			return atAnotherDesk(known.get(), at);
		}
		return action.apply(id.get());
	}

	/**
	 * {@code /transfer N DESK}: the case moves with its history to the desk that should
	 * have it, is shown there as new, and the person is told that other staff will
	 * answer.
	 */
	private Replies transfer(long caseId, String deskId, At at) {
		Optional<Desk> to = deskId == null ? Optional.empty()
				: this.desks.byId(deskId.strip().toLowerCase(Locale.ROOT));
		if (to.isEmpty()) {
			return tellStaff("staff.transfer-usage", Map.of("desks", this.desks.ids()), at);
		}
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), at);
		}
		if (to.get().id().equals(at.desk().id())) {
			return tellStaff("staff.transfer-same", Map.of("case", Long.toString(caseId)), at);
		}
		Replies told = this.relay.tell(found.get(), "staff.transferred", Map.of("desk", to.get().name()));
		this.cases.transfer(caseId, to.get().id());
		this.cases.addNote(caseId, "transferred from " + at.desk().id() + " to " + to.get().id());
		Case moved = this.cases.find(caseId).orElseThrow();
		Replies there = this.relay
			.tellStaff(to.get().chatId(), this.relay.staffScreens()
				.text("staff.transferred-here", Map.of("case", Long.toString(caseId), "desk", at.desk().name())), null)
			.and(this.relay.showCard(moved));
		if (moved.chatId() == 0) {
			return told.and(there);
		}
		return told.and(there)
			.and(this.relay.toPerson(moved,
					new ReportScreens(this.knowledge.current(), moved.audience()).transferred(caseId)));
	}

	/** Takes a case, and shows its card again so the taker can answer it with a reply. */
	private Replies take(long caseId, At at) {
		Origin by = at.by();
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), at);
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
	private Replies showCard(long caseId, At at) {
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), at);
		}
		return found.get().staffSide().cardShown() ? Replies.none() : this.relay.showCard(found.get());
	}

	private Replies close(long caseId, String note, At at) {
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen());
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), at);
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

	private Replies reopen(long caseId, At at) {
		Case found = this.cases.find(caseId).orElseThrow();
		if (found.status().isOpen()) {
			return tellStaff("staff.open-already", Map.of("case", Long.toString(caseId)), at);
		}
		if (found.status() != CaseStatus.CLOSED || found.chatId() == 0) {
			return tellStaff("staff.no-such-case", Map.of("case", Long.toString(caseId)), at);
		}
		this.cases.reopen(caseId);
		ReportScreens person = new ReportScreens(this.knowledge.current(), found.audience());
		return this.relay.tell(found, "staff.reopened", Map.of())
			.and(this.relay.toPerson(found, person.reopened(caseId)));
	}

	/** The reply templates, each by its name and as staff read it. */
	private Replies listTemplates(At at) {
		StaffScreens screens = this.relay.staffScreens();
		String list = this.knowledge.current()
			.textNamesUnder("template")
			.stream()
			.map(name -> name + " – " + screens.plainText("template." + name))
			.collect(Collectors.joining("\n"));
		return tellStaff("staff.templates", Map.of("templates", list), at);
	}

	/**
	 * {@code /reply N NAME}: a reviewed text sent to the person in their language, while
	 * staff are shown it in theirs. It counts as a staff answer, like a reply to the
	 * card.
	 */
	private Replies sendTemplate(long caseId, String name, At at) {
		Origin by = at.by();
		String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		if (!this.knowledge.current().textNamesUnder("template").contains(wanted)) {
			return listTemplates(at);
		}
		Optional<Case> found = this.cases.find(caseId).filter(c -> c.status().isOpen() && c.chatId() != 0);
		if (found.isEmpty()) {
			return tellStaff("staff.case-closed", Map.of("case", Long.toString(caseId)), at);
		}
		Case open = found.get();
		String key = "template." + wanted;
		String staffName = this.properties.showStaffNames() ? by.senderName() : null;
		ReportScreens person = new ReportScreens(this.knowledge.current(), open.audience());
		String text = this.knowledge.current().text(key, open.audience());
		Replies replies = this.relay.toPerson(open, Screen.of(person.staffAnswerHeading(staffName) + "\n" + text));
		this.cases.addStaffAnswer(open.id(), "TEXT", Html.toPlainText(text), null);
		this.metrics.firstAnswer(open);
		this.cases.answered(open.id());
		if (open.status() == CaseStatus.OPEN && by.userId() != 0) {
			this.cases.take(open.id(), by.userId());
		}
		return replies.and(this.relay.tell(open, "staff.template-sent",
				Map.of("template", this.relay.staffScreens().plainText(key))));
	}

	private Replies note(long caseId, String note, At at) {
		if (note == null || note.isBlank()) {
			return tellStaff("staff.usage", Map.of(), at);
		}
		this.cases.addNote(caseId, note);
		return tellStaff("staff.note-saved", Map.of("case", Long.toString(caseId)), at);
	}

	private Replies ban(long caseId, At at) {
		Case found = this.cases.find(caseId).orElseThrow();
		if (found.chatId() != 0) {
			this.cases.ban(found.chatId(), caseId);
		}
		return tellStaff("staff.banned",
				Map.of("case", Long.toString(caseId), "days", Long.toString(this.properties.banLasts().toDays())), at);
	}

	private Replies unban(long caseId, At at) {
		String key = this.cases.unban(caseId) ? "staff.unbanned" : "staff.not-banned";
		return tellStaff(key, Map.of("case", Long.toString(caseId)), at);
	}

	private Replies listOpenCases(At at) {
		List<Case> open = ofThisDesk(this.cases.open(), at);
		if (open.isEmpty()) {
			return tellStaff("staff.cases.none", Map.of(), at);
		}
		return this.relay.tellStaff(at.desk().chatId(), this.relay.staffScreens().openCases(open, this.clock.instant()),
				at.reply());
	}

	/**
	 * Counts by status, outcome, topic and language, and the time to a first staff
	 * answer, for this desk's cases.
	 */
	private Replies stats(At at) {
		DeskStats stats = statsOf(at);
		StaffScreens screens = this.relay.staffScreens();
		Map<String, String> params = new LinkedHashMap<>();
		params.put("open", Long.toString(stats.open()));
		params.put("taken", Long.toString(stats.taken()));
		params.put("closed", Long.toString(stats.closed()));
		params.put("urgent-waiting", Long.toString(stats.urgentWaiting()));
		params.put("outcomes", listed(outcomeNames(stats, screens)));
		params.put("topics", listed(stats.topics()));
		params.put("languages", listed(stats.languages()));
		params.put("median", stats.medianFirstAnswer().map(screens::age).orElse("-"));
		params.put("p90", stats.ninetiethFirstAnswer().map(screens::age).orElse("-"));
		return tellStaff("staff.stats", params, at);
	}

	/** {@code /stats chart}: the same figures as a picture. */
	private Replies statsChart(At at) {
		DeskStats stats = statsOf(at);
		StaffScreens screens = this.relay.staffScreens();
		Map<String, Long> cases = new LinkedHashMap<>();
		cases.put(screens.plainText("chart.open"), stats.open());
		cases.put(screens.plainText("chart.taken"), stats.taken());
		cases.put(screens.plainText("chart.closed"), stats.closed());
		cases.put(screens.plainText("chart.urgent-waiting"), stats.urgentWaiting());
		byte[] png = StatsChart.draw(screens.plainText("chart.title", Map.of("desk", at.desk().name())),
				List.of(new StatsChart.Section(screens.plainText("chart.cases"), cases),
						new StatsChart.Section(screens.plainText("chart.outcomes"), outcomeNames(stats, screens)),
						new StatsChart.Section(screens.plainText("chart.topics"), stats.topics()),
						new StatsChart.Section(screens.plainText("chart.languages"), stats.languages())),
				screens.plainText("chart.first-answer",
						Map.of("median", stats.medianFirstAnswer().map(screens::age).orElse("-"), "p90",
								stats.ninetiethFirstAnswer().map(screens::age).orElse("-"))));
		return Replies.of(new OutboundMessage.Picture(at.desk().chatId(), at.by().threadId(), png, null, at.reply()));
	}

	private DeskStats statsOf(At at) {
		return DeskStats.of(ofThisDesk(this.cases.all(), at), this.cases.closedByOutcome(at.desk().id()));
	}

	/** Closed cases by outcome, with the outcomes' names in the staff's language. */
	private static Map<String, Long> outcomeNames(DeskStats stats, StaffScreens screens) {
		Map<String, Long> named = new LinkedHashMap<>();
		stats.outcomes().forEach((outcome, count) -> named.merge(screens.outcomeName(outcome), count, Long::sum));
		return named;
	}

	private Replies tellStaff(String key, Map<String, String> params, At at) {
		return this.relay.tellStaff(at.desk().chatId(), this.relay.staffScreens().text(key, params), at.reply());
	}

	private List<Case> ofThisDesk(List<Case> cases, At at) {
		return cases.stream().filter(each -> this.desks.of(each).id().equals(at.desk().id())).toList();
	}

	private static String listed(Map<String, Long> counts) {
		return counts.isEmpty() ? "-"
				: counts.entrySet()
					.stream()
					.map(each -> each.getKey() + " " + each.getValue())
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
