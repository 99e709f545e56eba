package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.Topic;
import org.haqqim.matching.MatchResult;
import org.haqqim.matching.Question;
import org.haqqim.matching.QuestionMatcher;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.Replies;

import org.springframework.stereotype.Component;

/**
 * From a person's yes to an open case. Nothing reaches staff without that yes: an urgent
 * message gets what to do now and the question "send this to staff?", kept as a draft
 * until the answer; "write to staff" and /report are the yes itself. A short intake
 * follows, every question skippable; the person is told "received, case #N" in the
 * transaction that opens the case.
 */
@Component
@WhenChatting
class ReportIntake {

	private static final Duration WAIT_MEASURED_OVER = Duration.ofDays(30);

	/**
	 * With fewer answered cases than this, the wait shown is the deployment's promise.
	 */
	private static final int WAIT_MEASURED_FROM = 10;

	/**
	 * Fewer words than this are taken as an answer to the intake, never as a question.
	 */
	private static final int QUESTION_WORDS = 3;

	/** Media sent this short a time before "write to staff" goes into the new case. */
	private static final Duration MEDIA_CARRIED_FOR = Duration.ofMinutes(30);

	private final Desks desks;

	private final Clock clock;

	private final Cases cases;

	private final CaseRelay relay;

	private final CurrentKnowledge knowledge;

	private final QuestionMatcher matcher;

	/**
	 * The last media a person sent outside a report, so that "write to staff" right after
	 * carries it.
	 */
	private final Cache<Long, InboundEvent.Media> recentMedia;

	ReportIntake(Cases cases, CaseRelay relay, CurrentKnowledge knowledge, QuestionMatcher matcher,
			ReportsProperties properties, Desks desks, Ticker ticker, Clock clock) {
		this.clock = clock;
		this.desks = desks;
		this.cases = cases;
		this.matcher = matcher;
		this.relay = relay;
		this.knowledge = knowledge;
		this.recentMedia = Caffeine.newBuilder()
			.maximumSize(properties.peopleTracked())
			.expireAfterWrite(MEDIA_CARRIED_FOR)
			.ticker(ticker)
			.build();
	}

	// --- how a case begins

	/**
	 * An urgent message: what to do now, then whether to send the message to staff. The
	 * message is kept as a draft until the answer, and no longer.
	 */
	Replies offer(InboundEvent.Text text, Audience audience, Optional<Topic> topic) {
		long chat = text.origin().chatId();
		ReportScreens screens = screens(audience);
		Citizenship citizenship = audience.citizenship().orElse(null);
		long draft = this.cases.create(chat, CaseStatus.DRAFT, IntakeStep.CITY, true, topic.map(Topic::id).orElse(null),
				audience.language(), citizenship, this.desks.forCitizenship(citizenship).id());
		this.cases.addText(draft, text);
		return Replies.of(screens.whatToDoNow(topic).sendTo(chat)).and(screens.consentQuestion(draft).sendTo(chat));
	}

	Replies emergencyAdvice(long chat, Audience audience, Optional<Topic> topic) {
		return Replies.of(screens(audience).whatToDoNow(topic).sendTo(chat));
	}

	/**
	 * "Write to staff" or /report: the intake starts at once, with media the person just
	 * sent.
	 */
	Replies start(long chatId, Audience audience, Optional<String> topic) {
		ReportScreens screens = screens(audience);
		Optional<Case> open = this.cases.collecting(chatId);
		if (open.isPresent()) {
			return Replies.of(screens.alreadyOpen(open.get().id()).sendTo(chatId));
		}
		boolean urgent = topic.flatMap(this.knowledge.current()::topic).map(Topic::urgent).orElse(false);
		Citizenship citizenship = audience.citizenship().orElse(null);
		long id = this.cases.create(chatId, CaseStatus.INTAKE, IntakeStep.WHAT, urgent, topic.orElse(null),
				audience.language(), citizenship, this.desks.forCitizenship(citizenship).id());
		InboundEvent.Media media = this.recentMedia.getIfPresent(chatId);
		if (media != null) {
			this.recentMedia.invalidate(chatId);
			this.cases.addMedia(id, media);
		}
		return Replies.of(screens.intakeStarted().sendTo(chatId))
			.and(screens.question(IntakeStep.WHAT, id).sendTo(chatId));
	}

	void rememberMedia(InboundEvent.Media media) {
		this.recentMedia.put(media.origin().chatId(), media);
	}

	void forgetMedia(long chatId) {
		this.recentMedia.invalidate(chatId);
	}

	// --- the answer to "send it?"

	/**
	 * Yes: the case reaches staff at once, with what the person wrote, and the intake's
	 * questions follow; or, when the person already has a case, the message goes into it.
	 * A person whose phone is taken before the last question has still reached staff.
	 */
	Replies consent(Case draft, Audience audience, Integer message) {
		if (draft.status() != CaseStatus.DRAFT) {
			return Replies.none();
		}
		ReportScreens screens = screens(audience);
		Replies answered = message == null ? Replies.none()
				: Replies.of(screens.consentGiven().replacing(draft.chatId(), message));
		Optional<Case> current = this.cases.collecting(draft.chatId());
		if (current.isPresent()) {
			return answered.and(carryInto(current.get(), draft))
				.and(screens.added(current.get().id()).sendTo(draft.chatId()));
		}
		return answered.and(openNow(draft, IntakeStep.CITY, screens));
	}

	/** No: the draft is deleted, and nothing reaches staff. */
	Replies decline(Case draft, Audience audience, Integer message) {
		if (draft.status() != CaseStatus.DRAFT) {
			return Replies.none();
		}
		this.cases.delete(draft.id());
		return Replies.of(screens(audience).declined().replacing(draft.chatId(), message));
	}

	// --- the intake

	/** Stops the questions; see {@link Reports#cancelIntake}. */
	Replies cancel(long chatId, Audience audience) {
		Optional<Case> asking = this.cases.collecting(chatId).filter(Case::asking);
		if (asking.isEmpty()) {
			return Replies.none();
		}
		ReportScreens screens = screens(audience);
		Case current = asking.get();
		if (!current.status().isOpen()) {
			this.cases.delete(current.id());
			return Replies.of(screens.declined().sendTo(chatId));
		}
		this.cases.askNext(current.id(), null);
		return Replies.of(screens.intakeStopped(current.id()).sendTo(chatId));
	}

	/** The skip button of the question being asked. */
	Replies skip(Case intake, Audience audience) {
		if (!intake.asking() || intake.intakeStep() == null) {
			return Replies.none();
		}
		return advance(intake, audience);
	}

	/** A city button. */
	Replies city(Case intake, String cityId, Audience audience) {
		if (!intake.asking()) {
			return Replies.none();
		}
		String city = this.relay.staffScreens().cityName(cityId);
		this.cases.setCity(intake.id(), city);
		return toStaff(intake, "staff.intake.city", Map.of("city", city)).and(advance(intake, audience));
	}

	/** A "when did it happen?" button. */
	Replies when(Case intake, CaseAction.Happened happened, Audience audience) {
		if (!intake.asking()) {
			return Replies.none();
		}
		String when = this.relay.staffScreens().happened(happened);
		this.cases.setHappened(intake.id(), when);
		return toStaff(intake, "staff.intake.when", Map.of("when", when)).and(advance(intake, audience));
	}

	/**
	 * Anything the person sends during the intake: the answer to the question asked, or,
	 * for media, a phone or a location, something that belongs to the case whenever it
	 * comes.
	 */
	Replies answer(Case intake, InboundEvent event, Audience audience) {
		IntakeStep step = intake.intakeStep() == null ? IntakeStep.WHAT : intake.intakeStep();
		if (event instanceof InboundEvent.Media media) {
			this.cases.addMedia(intake.id(), media);
			return step == IntakeStep.WHAT ? advance(intake, audience) : Replies.none();
		}
		if (event instanceof InboundEvent.Contact contact) {
			this.cases.setPhone(intake.id(), contact.phoneNumber());
			Replies told = toStaff(intake, "staff.intake.contact", Map.of("phone", contact.phoneNumber()));
			return step == IntakeStep.PHONE ? told.and(advance(intake, audience)) : told;
		}
		if (event instanceof InboundEvent.Location location) {
			this.cases.setLocation(intake.id(), location.latitude(), location.longitude());
			Replies told = toStaff(intake, "staff.intake.location",
					Map.of("latitude", String.format(Locale.ROOT, "%.5f", location.latitude()), "longitude",
							String.format(Locale.ROOT, "%.5f", location.longitude())));
			return step == IntakeStep.LOCATION ? told.and(advance(intake, audience)) : told;
		}
		if (!(event instanceof InboundEvent.Text text)) {
			return Replies.none();
		}
		String typed = text.text().strip();
		ReportScreens screens = screens(audience);
		if (step != IntakeStep.WHAT && screens.isStop(typed)) {
			return cancel(intake.chatId(), audience);
		}
		boolean skipped = screens.isSkip(typed) || this.matcher.meansSkip(typed);
		Optional<Topic> asked = skipped || step == IntakeStep.WHAT ? Optional.empty() : askedInstead(typed, intake);
		if (asked.isPresent()) {
			return Replies.of(screens.answerThenAskAgain(asked.get(), step, intake.id())
				.stream()
				.map(screen -> screen.sendTo(intake.chatId()))
				.toList());
		}
		Replies told = Replies.none();
		switch (step) {
			case WHAT -> this.cases.addText(intake.id(), text);
			case CITY -> {
				this.cases.setCity(intake.id(), skipped ? null : typed);
				told = skipped ? told : toStaff(intake, "staff.intake.city", Map.of("city", typed));
			}
			case WHEN -> {
				this.cases.setHappened(intake.id(), skipped ? null : typed);
				told = skipped ? told : toStaff(intake, "staff.intake.when", Map.of("when", typed));
			}
			default -> {
				if (!skipped) {
					long message = this.cases.addText(intake.id(), text);
					told = intake.status().isOpen() ? this.relay.relay(intake, message) : told;
				}
			}
		}
		return told.and(advance(intake, audience));
	}

	/**
	 * A question typed where an intake answer was expected ("how much is a patent?" as
	 * the city): one the bot answers outright, and not about the emergency itself. A word
	 * or two is an answer, whatever it matches: a city's name alone matches the
	 * consulates' contacts.
	 */
	private Optional<Topic> askedInstead(String typed, Case intake) {
		if (typed.split("\\s+").length < QUESTION_WORDS) {
			return Optional.empty();
		}
		MatchResult result = this.matcher.match(new Question(typed, intake.language(), intake.citizenship()));
		if (result.decision() != MatchResult.Decision.ANSWER || result.urgent()) {
			return Optional.empty();
		}
		return result.topic().flatMap(this.knowledge.current()::topic);
	}

	/**
	 * An intake answer to staff, once the case is theirs; before that the card holds it.
	 */
	private Replies toStaff(Case intake, String key, Map<String, String> params) {
		return intake.status().isOpen() ? this.relay.tell(intake, key, params) : Replies.none();
	}

	/**
	 * The next question. A case not yet with staff (someone who chose "write to staff"
	 * and has now said what happened) opens first; when no question is left, the person
	 * is told the intake is over.
	 */
	private Replies advance(Case intake, Audience audience) {
		ReportScreens screens = screens(audience);
		IntakeStep next = intake.intakeStep() == null ? null : intake.intakeStep().next();
		if (!intake.status().isOpen()) {
			return openNow(intake, next, screens);
		}
		this.cases.askNext(intake.id(), next);
		return Replies.of((next == null ? screens.intakeOver(intake.id()) : screens.question(next, intake.id()))
			.sendTo(intake.chatId()));
	}

	/**
	 * The median time to a first staff answer at the case's desk over the last 30 days,
	 * once there are enough answered cases for it to mean something.
	 */
	private Optional<Duration> measuredWait(Case opened) {
		return this.cases.medianFirstAnswer(this.desks.of(opened).id(), this.clock.instant().minus(WAIT_MEASURED_OVER),
				WAIT_MEASURED_FROM);
	}

	/**
	 * The case to staff now, with what is known, "received" to the person, and the next
	 * question when one is left; all queued in the transaction that opens it.
	 */
	private Replies openNow(Case intake, IntakeStep next, ReportScreens screens) {
		this.cases.openAsking(intake.id(), next);
		Case opened = this.cases.find(intake.id()).orElseThrow();
		Replies sent = this.relay.announce(opened)
			.and(screens.received(opened.id(), opened.urgent(), measuredWait(opened)).sendTo(opened.chatId()));
		return next == null ? sent : sent.and(screens.question(next, opened.id()).sendTo(opened.chatId()));
	}

	/**
	 * The draft's messages into the person's case, relayed when staff already have it.
	 */
	private Replies carryInto(Case current, Case draft) {
		Replies relayed = Replies.none();
		for (CaseMessage carried : this.cases.messages(draft.id())) {
			long id = this.cases.addCopy(current.id(), carried);
			if (current.status().isOpen()) {
				relayed = relayed.and(this.relay.relay(current, id));
			}
		}
		this.cases.delete(draft.id());
		return relayed;
	}

	private ReportScreens screens(Audience audience) {
		return new ReportScreens(this.knowledge.current(), audience);
	}

}
