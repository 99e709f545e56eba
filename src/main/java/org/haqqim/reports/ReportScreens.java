package org.haqqim.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;
import org.haqqim.text.Html;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.Screen;

/**
 * Every screen a person sees of a case, from the offer to send it to the rating, built
 * from the texts in {@code knowledge/} for the person's language and citizenship.
 */
final class ReportScreens {

	private static final int CITY_BUTTONS = 6;

	private final KnowledgeBase knowledge;

	private final Audience audience;

	ReportScreens(KnowledgeBase knowledge, Audience audience) {
		this.knowledge = knowledge;
		this.audience = audience;
	}

	// --- the offer

	/**
	 * For an urgent message: what to do now (the topic's answer when there is one), the
	 * emergency number and the person's consulate.
	 */
	Screen whatToDoNow(Optional<Topic> topic) {
		StringBuilder html = new StringBuilder(text("report.urgent-intro"));
		topic.flatMap(this::topicAnswer).ifPresent(answer -> html.append("\n\n").append(answer));
		html.append("\n\n").append(text("report.call-emergency"));
		consulateLine().ifPresent(line -> html.append('\n').append(line));
		return Screen.of(html.toString());
	}

	/** "Send this to staff?", with yes and no. */
	Screen consentQuestion(long draftId) {
		return new Screen(text("report.consent"),
				Keyboard.Inline.column(List.of(button("button.yes", new CaseAction.Consent(draftId)),
						button("button.no", new CaseAction.Decline(draftId)))));
	}

	/** The question again, without its buttons, once it is answered. */
	Screen consentGiven() {
		return Screen.of(text("report.consent"));
	}

	Screen declined() {
		return Screen.of(text("report.declined"));
	}

	// --- the intake

	Screen intakeStarted() {
		return Screen.of(text("report.start"));
	}

	/** One question of the intake, with its choices and a way to skip it. */
	Screen question(IntakeStep step, long caseId) {
		return switch (step) {
			case WHAT -> new Screen(text("report.intake.what"), Keyboard.Inline
				.column(List.of(button("button.skip", new CaseAction.Skip(caseId)), stopButton(caseId))));
			case CITY -> new Screen(text("report.intake.city"), cityButtons(caseId));
			case WHEN -> new Screen(text("report.intake.when"), whenButtons(caseId));
			case PHONE -> new Screen(text("report.intake.phone"),
					new Keyboard.Request(List.of(request("button.share-phone", Keyboard.RequestKind.CONTACT),
							request("button.skip", Keyboard.RequestKind.TEXT),
							request("button.stop-questions", Keyboard.RequestKind.TEXT))));
			case LOCATION -> new Screen(text("report.intake.location"),
					new Keyboard.Request(List.of(request("button.share-location", Keyboard.RequestKind.LOCATION),
							request("button.skip", Keyboard.RequestKind.TEXT),
							request("button.stop-questions", Keyboard.RequestKind.TEXT))));
		};
	}

	/**
	 * The answer to a question the person asked in the middle of the intake, then the
	 * intake's own question again, so that the asked question is never kept as a city.
	 */
	List<Screen> answerThenAskAgain(Topic asked, IntakeStep step, long caseId) {
		Screen again = question(step, caseId);
		return List.of(Screen.of(topicAnswer(asked).orElseThrow()),
				new Screen(text("report.intake.resume", caseId) + "\n\n" + again.html(), again.keyboard()));
	}

	/** Whether a typed answer is the skip button's label. */
	boolean isSkip(String typed) {
		return typed.strip().equalsIgnoreCase(plain("button.skip").strip());
	}

	/** Whether a typed answer is the label of "no more questions". */
	boolean isStop(String typed) {
		return typed.strip().equalsIgnoreCase(plain("button.stop-questions").strip());
	}

	/**
	 * "Received". For an urgent case, what to do now comes first and no wait time is
	 * promised: someone bleeding must not read "usually within one working day".
	 * Otherwise the wait is the one staff really achieved lately when it is known, and
	 * the one the deployment promises ({@code staff-response-time}) until then.
	 */
	Screen received(long caseId, boolean urgent, Optional<Duration> measuredWait) {
		if (urgent) {
			return new Screen(text("report.received-urgent", caseId), new Keyboard.Remove());
		}
		String html = measuredWait
			.map(wait -> this.knowledge.text("report.received-measured", this.audience,
					Map.of("case", Long.toString(caseId), "wait",
							new StaffScreens(this.knowledge, this.audience.language()).age(wait))))
			.orElseGet(() -> text("report.received", caseId));
		return new Screen(html, new Keyboard.Remove());
	}

	/** A staff member took the case: someone is on it now. */
	Screen taken(long caseId) {
		return Screen.of(text("report.taken", caseId));
	}

	/** The last intake question answered: the case stays open for anything more. */
	Screen intakeOver(long caseId) {
		return new Screen(text("report.added", caseId), new Keyboard.Remove());
	}

	/**
	 * No more questions, at the person's wish: the case stays open with staff, and the
	 * way back to the menu is named.
	 */
	Screen intakeStopped(long caseId) {
		return new Screen(text("report.intake.stopped", caseId), new Keyboard.Remove());
	}

	// --- an open case

	Screen added(long caseId) {
		return Screen.of(text("report.added", caseId));
	}

	Screen alreadyOpen(long caseId) {
		return Screen.of(text("report.already-open", caseId));
	}

	Screen stillOpen(long caseId) {
		return Screen.of(text("report.still-open", caseId));
	}

	/**
	 * What a staff member wrote, under "Consulate staff:" (with their first name, if
	 * shown).
	 */
	String staffAnswerHeading(String staffName) {
		if (staffName != null && !staffName.isBlank()) {
			return Html
				.bold(this.knowledge.text("report.staff-prefix-named", this.audience, Map.of("name", staffName)));
		}
		return Html.bold(text("report.staff-prefix"));
	}

	Screen closed(long caseId) {
		return Screen.of(text("report.closed", caseId));
	}

	/** "Did staff help?" once the case is closed. */
	Screen rating(long caseId) {
		return new Screen(text("report.rate"),
				new Keyboard.Inline(List.of(List.of(button("button.helpful", new CaseAction.Rate(caseId, true)),
						button("button.not-helpful", new CaseAction.Rate(caseId, false))))));
	}

	Screen ratingThanks() {
		return Screen.of(text("report.rate-thanks"));
	}

	Screen reopened(long caseId) {
		return Screen.of(text("report.reopened", caseId));
	}

	/** The case went to the staff who can help better; they answer in the same chat. */
	Screen transferred(long caseId) {
		return Screen.of(text("report.transferred", caseId));
	}

	Screen oldButton() {
		return Screen.of(text("error.old-button"));
	}

	// --- pieces

	/** The first cities of the contacts that have coordinates, two by two, then skip. */
	private Keyboard.Inline cityButtons(long caseId) {
		List<Keyboard.Button> cities = new ArrayList<>();
		this.knowledge.contacts()
			.cities()
			.values()
			.stream()
			.filter(city -> city.coordinates().isPresent())
			.limit(CITY_BUTTONS)
			.forEach(city -> cities.add(new Keyboard.Button(city.name(this.audience.language()),
					new CaseAction.City(caseId, city.id()).encode())));
		return Keyboard.Inline.grid(cities, 2)
			.and(List.of(List.of(button("button.skip", new CaseAction.Skip(caseId))), List.of(stopButton(caseId))));
	}

	private Keyboard.Inline whenButtons(long caseId) {
		List<Keyboard.Button> times = new ArrayList<>();
		for (CaseAction.Happened when : CaseAction.Happened.values()) {
			times.add(button("report.when." + when.code(), new CaseAction.When(caseId, when)));
		}
		return Keyboard.Inline.grid(times, 2)
			.and(List.of(List.of(button("button.skip", new CaseAction.Skip(caseId))), List.of(stopButton(caseId))));
	}

	private Keyboard.Button stopButton(long caseId) {
		return button("button.stop-questions", new CaseAction.Stop(caseId));
	}

	/** A topic's title and answer in the person's language, when it has that language. */
	private Optional<String> topicAnswer(Topic topic) {
		return topic.findText(this.audience.language())
			.map(found -> Html.bold(Html.escape(found.title())) + "\n"
					+ this.knowledge.render(topic, found.answer(), this.audience));
	}

	/** The consulate of the person's country: the embassy's name and first phone. */
	private Optional<String> consulateLine() {
		return this.audience.citizenship()
			.flatMap(citizenship -> citizenship.country())
			.flatMap(country -> this.knowledge.contacts().embassy(country))
			.map(embassy -> this.knowledge.text("report.consulate-line", this.audience,
					Map.of("name", embassy.name(this.audience.language()), "phone", embassy.phones().get(0))));
	}

	private Keyboard.Button button(String key, CaseAction action) {
		return new Keyboard.Button(plain(key), action.encode());
	}

	private Keyboard.RequestButton request(String key, Keyboard.RequestKind kind) {
		return new Keyboard.RequestButton(plain(key), kind);
	}

	private String text(String key) {
		return this.knowledge.text(key, this.audience);
	}

	private String text(String key, long caseId) {
		return this.knowledge.text(key, this.audience, Map.of("case", Long.toString(caseId)));
	}

	private String plain(String key) {
		return this.knowledge.plainText(key, this.audience);
	}

}
