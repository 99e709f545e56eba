package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Knowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;
import org.haqqim.system.WhenChatting;
import org.haqqim.text.Html;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.MediaKind;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;

import org.springframework.stereotype.Component;

/**
 * The migrant's side of a report. Nothing reaches staff without the person's yes: an
 * urgent message gets what to do now and the question "send this to staff?"; "write to
 * staff" and /report are that yes. A short intake follows, every step skippable; the
 * person is told "received, case #N" only after the case is committed, and later messages
 * go to the same case, in order.
 */
@Component
@WhenChatting
public class Reports {

	static final String PREFIX = "rp:";

	private static final Duration ACKNOWLEDGE_AGAIN_AFTER = Duration.ofMinutes(10);

	private static final int CITY_BUTTONS = 6;

	private final Cases cases;

	private final StaffRelay staff;

	private final Knowledge knowledge;

	private final Outbox outbox;

	private final ReportsProperties properties;

	private final Clock clock;

	/**
	 * The last media a person sent outside a report, so that "write to staff" right after
	 * carries it.
	 */
	private final Cache<Long, InboundEvent.Media> recentMedia = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(30))
		.build();

	Reports(Cases cases, StaffRelay staff, Knowledge knowledge, Outbox outbox, ReportsProperties properties,
			Clock clock) {
		this.cases = cases;
		this.staff = staff;
		this.knowledge = knowledge;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Whether the person's messages belong to a case now (its intake, or an open case).
	 */
	public boolean isActive(long chatId) {
		return this.cases.collecting(chatId).isPresent();
	}

	public boolean isBanned(long chatId) {
		return this.cases.isBanned(chatId);
	}

	public boolean handlesButton(String data) {
		return data != null && data.startsWith(PREFIX);
	}

	public int retentionDays() {
		return (int) this.properties.retention().toDays();
	}

	/** The number of the person's open case, if any, for a generic error message. */
	public Optional<Long> openCase(long chatId) {
		return this.cases.collecting(chatId).map(Case::id);
	}

	public void rememberMedia(InboundEvent.Media media) {
		this.recentMedia.put(media.origin().chatId(), media);
	}

	// --- entry points
	// ------------------------------------------------------------------------------

	/**
	 * An urgent message: what to do now, the emergency number and the consulate, then the
	 * question whether to send the message to staff. The message is kept as a draft until
	 * the answer, and no longer.
	 */
	public void offerUrgentReport(InboundEvent.Text text, Audience audience, Optional<Topic> topic) {
		long chat = text.origin().chatId();
		if (this.cases.isBanned(chat)) {
			return;
		}
		KnowledgeBase base = this.knowledge.current();
		StringBuilder html = new StringBuilder(base.text("report.urgent-intro", audience));
		topic.flatMap(t -> t.findText(audience.language()))
			.ifPresent(found -> html.append("\n\n")
				.append(Html.bold(Html.escape(found.title())))
				.append('\n')
				.append(base.render(found.answer(), audience, Map.of())));
		html.append("\n\n").append(base.text("report.call-emergency", audience));
		consulateLine(base, audience).ifPresent(line -> html.append('\n').append(line));
		this.outbox.enqueue(OutboundMessage.Text.of(chat, html.toString()));
		long draft = this.cases.create(chat, CaseStatus.DRAFT, IntakeStep.CITY, true, topic.map(Topic::id).orElse(null),
				audience.language(), audience.citizenship().orElse(null));
		this.cases.addMessage(draft, CaseMessage.Direction.IN, "TEXT", text.text(), null, chat,
				longOrNull(text.origin().messageId()), false);
		this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("report.consent", audience),
				Keyboard.Inline.column(List.of(button(base, audience, "button.yes", "y:" + draft),
						button(base, audience, "button.no", "n:" + draft)))));
	}

	/**
	 * "Write to staff" or /report: the intake starts at once, with media the person just
	 * sent.
	 */
	public void start(long chatId, Audience audience, String topic) {
		if (this.cases.isBanned(chatId)) {
			return;
		}
		KnowledgeBase base = this.knowledge.current();
		Optional<Case> open = this.cases.collecting(chatId);
		if (open.isPresent()) {
			this.outbox.enqueue(OutboundMessage.Text.of(chatId,
					base.text("report.already-open", audience, Map.of("case", Long.toString(open.get().id())))));
			return;
		}
		boolean urgent = topic != null && base.topic(topic).map(Topic::urgent).orElse(false);
		long id = this.cases.create(chatId, CaseStatus.INTAKE, IntakeStep.WHAT, urgent, topic, audience.language(),
				audience.citizenship().orElse(null));
		InboundEvent.Media media = this.recentMedia.getIfPresent(chatId);
		if (media != null) {
			this.recentMedia.invalidate(chatId);
			addMedia(id, media);
		}
		this.outbox.enqueue(OutboundMessage.Text.of(chatId, base.text("report.start", audience)));
		ask(this.cases.find(id).orElseThrow(), IntakeStep.WHAT, audience);
	}

	/** A message from a person whose case collects their messages. */
	public void handleFromUser(InboundEvent event, Audience audience) {
		long chat = event.origin().chatId();
		Optional<Case> found = this.cases.collecting(chat);
		if (found.isEmpty()) {
			return;
		}
		Case current = found.get();
		if (current.status() == CaseStatus.INTAKE) {
			continueIntake(current, event, audience);
		}
		else {
			addToOpenCase(current, event, audience);
		}
	}

	public void handleButton(InboundEvent.ButtonPress press, Audience audience) {
		String[] parts = press.data().substring(PREFIX.length()).split(":");
		long chat = press.origin().chatId();
		Optional<Case> own = parts.length >= 2
				? parseId(parts[1]).flatMap(this.cases::find).filter(found -> found.chatId() == chat)
				: Optional.empty();
		KnowledgeBase base = this.knowledge.current();
		if (own.isEmpty()) {
			this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("error.old-button", audience)));
			return;
		}
		Case current = own.get();
		Audience caseAudience = current.audience();
		switch (parts[0]) {
			case "y" -> consent(current, caseAudience, press.origin().messageId());
			case "n" -> decline(current, caseAudience, press.origin().messageId());
			case "skip" -> {
				if (current.status() == CaseStatus.INTAKE && current.intakeStep() != null) {
					advance(current, caseAudience);
				}
			}
			case "city" -> {
				if (current.status() == CaseStatus.INTAKE && parts.length == 3) {
					this.cases.setCity(current.id(),
							base.contacts()
								.city(parts[2])
								.map(c -> c.name(this.properties.staffLanguage()))
								.orElse(parts[2]));
					advance(current, caseAudience);
				}
			}
			case "when" -> {
				if (current.status() == CaseStatus.INTAKE && parts.length == 3) {
					this.cases.setHappened(current.id(), Html
						.toPlainText(base.text("report.when." + whenKey(parts[2]), this.staff.staffAudience())));
					advance(current, caseAudience);
				}
			}
			case "r" -> {
				if (current.status() == CaseStatus.CLOSED && parts.length == 3 && current.rating() == null) {
					boolean helpful = parts[2].equals("1");
					this.cases.rate(current.id(), helpful);
					this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("report.rate-thanks", caseAudience)));
					this.staff.tell(current, helpful ? "staff.rating.good" : "staff.rating.bad", Map.of());
				}
			}
			default -> this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("error.old-button", audience)));
		}
	}

	/**
	 * The person asked to be forgotten: open cases are withdrawn (staff are told), the
	 * content of every case is erased, and the bot's copies in the staff chat are deleted
	 * where Telegram still allows it.
	 */
	public void forget(long chatId) {
		for (Case own : this.cases.ofPerson(chatId)) {
			if (own.status() == CaseStatus.DRAFT || own.status() == CaseStatus.INTAKE) {
				this.cases.delete(own.id());
				continue;
			}
			for (long staffMessage : this.cases.staffMessagesOf(own.id())) {
				this.outbox.enqueue(new OutboundMessage.Delete(this.staffChatId(), (int) staffMessage));
			}
			if (own.status().isOpen()) {
				this.cases.withdraw(own.id());
				this.staff.tell(own, "staff.withdrawn", Map.of());
			}
			this.cases.eraseContent(own.id());
		}
		this.recentMedia.invalidate(chatId);
	}

	// --- consent and intake
	// ------------------------------------------------------------------------

	private void consent(Case draft, Audience audience, Integer message) {
		if (draft.status() != CaseStatus.DRAFT) {
			return;
		}
		KnowledgeBase base = this.knowledge.current();
		if (message != null) {
			this.outbox.enqueue(
					new OutboundMessage.Edit(draft.chatId(), message, base.text("report.consent", audience), null));
		}
		if (this.cases.collecting(draft.chatId()).isPresent()) {
			Case open = this.cases.collecting(draft.chatId()).get();
			for (CaseMessage carried : this.cases.messages(draft.id())) {
				long id = this.cases.addMessage(open.id(), CaseMessage.Direction.IN, carried.kind(), carried.text(),
						carried.fileId(), carried.sourceChatId(), carried.sourceMessageId(), false);
				if (open.status().isOpen()) {
					this.staff.relayFromPerson(open, id);
				}
			}
			this.cases.delete(draft.id());
			this.outbox.enqueue(OutboundMessage.Text.of(draft.chatId(),
					base.text("report.added", audience, Map.of("case", Long.toString(open.id())))));
			return;
		}
		this.cases.moveTo(draft.id(), CaseStatus.INTAKE, IntakeStep.CITY);
		ask(this.cases.find(draft.id()).orElseThrow(), IntakeStep.CITY, audience);
	}

	private void decline(Case draft, Audience audience, Integer message) {
		if (draft.status() != CaseStatus.DRAFT) {
			return;
		}
		this.cases.delete(draft.id());
		KnowledgeBase base = this.knowledge.current();
		OutboundMessage declined = message == null
				? OutboundMessage.Text.of(draft.chatId(), base.text("report.declined", audience))
				: new OutboundMessage.Edit(draft.chatId(), message, base.text("report.declined", audience), null);
		this.outbox.enqueue(declined);
	}

	private void continueIntake(Case intake, InboundEvent event, Audience audience) {
		IntakeStep step = intake.intakeStep() == null ? IntakeStep.WHAT : intake.intakeStep();
		if (event instanceof InboundEvent.Media media) {
			addMedia(intake.id(), media);
			if (step == IntakeStep.WHAT) {
				advance(intake, audience);
			}
			return;
		}
		if (event instanceof InboundEvent.Contact contact) {
			this.cases.setPhone(intake.id(), contact.phoneNumber());
			if (step == IntakeStep.PHONE) {
				advance(intake, audience);
			}
			return;
		}
		if (event instanceof InboundEvent.Location location) {
			this.cases.setLocation(intake.id(), location.latitude(), location.longitude());
			if (step == IntakeStep.LOCATION) {
				advance(intake, audience);
			}
			return;
		}
		if (!(event instanceof InboundEvent.Text text)) {
			return;
		}
		String typed = text.text().strip();
		boolean skipped = typed
			.equalsIgnoreCase(Html.toPlainText(this.knowledge.current().text("button.skip", audience)).strip());
		switch (step) {
			case WHAT -> addText(intake.id(), text);
			case CITY -> this.cases.setCity(intake.id(), skipped ? null : typed);
			case WHEN -> this.cases.setHappened(intake.id(), skipped ? null : typed);
			default -> {
				if (!skipped) {
					addText(intake.id(), text);
				}
			}
		}
		advance(intake, audience);
	}

	/** Moves to the next intake question, or opens the case when there is none left. */
	private void advance(Case intake, Audience audience) {
		IntakeStep next = intake.intakeStep() == null ? null : intake.intakeStep().next();
		if (next != null) {
			this.cases.moveTo(intake.id(), CaseStatus.INTAKE, next);
			ask(intake, next, audience);
			return;
		}
		this.cases.open(intake.id());
		Case opened = this.cases.find(intake.id()).orElseThrow();
		this.staff.announce(opened);
		this.outbox.enqueue(OutboundMessage.Text.of(intake.chatId(),
				this.knowledge.current().text("report.received", audience, Map.of("case", Long.toString(opened.id()))),
				new Keyboard.Remove()));
	}

	private void ask(Case intake, IntakeStep step, Audience audience) {
		KnowledgeBase base = this.knowledge.current();
		long chat = intake.chatId();
		switch (step) {
			case WHAT -> this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("report.intake.what", audience),
					Keyboard.Inline.column(List.of(button(base, audience, "button.skip", "skip:" + intake.id())))));
			case CITY -> this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("report.intake.city", audience),
					cityButtons(base, audience, intake)));
			case WHEN -> {
				List<Keyboard.Button> times = new ArrayList<>();
				for (String when : List.of("now", "today", "yesterday", "earlier")) {
					times.add(button(base, audience, "report.when." + when, "when:" + intake.id() + ":" + when));
				}
				times.add(button(base, audience, "button.skip", "skip:" + intake.id()));
				this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("report.intake.when", audience),
						new Keyboard.Inline(List.of(times.subList(0, 2), times.subList(2, 4), List.of(times.get(4))))));
			}
			case PHONE -> this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("report.intake.phone", audience),
					new Keyboard.Request(List.of(
							new Keyboard.RequestButton(base.plainText("button.share-phone", audience),
									Keyboard.RequestKind.CONTACT),
							new Keyboard.RequestButton(base.plainText("button.skip", audience),
									Keyboard.RequestKind.TEXT)))));
			case LOCATION ->
				this.outbox.enqueue(OutboundMessage.Text.of(chat, base.text("report.intake.location", audience),
						new Keyboard.Request(List.of(
								new Keyboard.RequestButton(base.plainText("button.share-location", audience),
										Keyboard.RequestKind.LOCATION),
								new Keyboard.RequestButton(base.plainText("button.skip", audience),
										Keyboard.RequestKind.TEXT)))));
		}
	}

	private Keyboard.Inline cityButtons(KnowledgeBase base, Audience audience, Case intake) {
		List<Keyboard.Button> cities = new ArrayList<>();
		base.contacts()
			.cities()
			.values()
			.stream()
			.filter(city -> city.coordinates().isPresent())
			.limit(CITY_BUTTONS)
			.forEach(city -> cities.add(new Keyboard.Button(city.name(audience.language()),
					PREFIX + "city:" + intake.id() + ":" + city.id())));
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		for (int i = 0; i < cities.size(); i += 2) {
			rows.add(cities.subList(i, Math.min(i + 2, cities.size())));
		}
		rows.add(List.of(button(base, audience, "button.skip", "skip:" + intake.id())));
		return new Keyboard.Inline(rows);
	}

	// --- an open case
	// ------------------------------------------------------------------------------

	private void addToOpenCase(Case open, InboundEvent event, Audience audience) {
		long messageId;
		if (event instanceof InboundEvent.Media media) {
			messageId = addMedia(open.id(), media);
		}
		else if (event instanceof InboundEvent.Text text) {
			messageId = addText(open.id(), text);
		}
		else if (event instanceof InboundEvent.Location location) {
			this.cases.setLocation(open.id(), location.latitude(), location.longitude());
			messageId = this.cases.addMessage(open.id(), CaseMessage.Direction.IN, "TEXT",
					String.format("📍 %.5f, %.5f", location.latitude(), location.longitude()), null, null, null, false);
		}
		else if (event instanceof InboundEvent.Contact contact) {
			this.cases.setPhone(open.id(), contact.phoneNumber());
			messageId = this.cases.addMessage(open.id(), CaseMessage.Direction.IN, "TEXT",
					"📞 " + contact.phoneNumber(), null, null, null, false);
		}
		else {
			return;
		}
		this.staff.relayFromPerson(open, messageId);
		Instant now = this.clock.instant();
		if (open.lastAckAt() == null || open.lastAckAt().plus(ACKNOWLEDGE_AGAIN_AFTER).isBefore(now)) {
			this.cases.acknowledged(open.id());
			this.outbox.enqueue(OutboundMessage.Text.of(open.chatId(),
					this.knowledge.current().text("report.added", audience, Map.of("case", Long.toString(open.id())))));
		}
	}

	private long addText(long caseId, InboundEvent.Text text) {
		return this.cases.addMessage(caseId, CaseMessage.Direction.IN, "TEXT", text.text(), null,
				text.origin().chatId(), longOrNull(text.origin().messageId()), false);
	}

	private long addMedia(long caseId, InboundEvent.Media media) {
		MediaKind kind = media.kind();
		return this.cases.addMessage(caseId, CaseMessage.Direction.IN, kind.name(), media.caption(), media.fileId(),
				media.origin().chatId(), longOrNull(media.origin().messageId()), false);
	}

	// --- pieces
	// --------------------------------------------------------------------------------------

	/** The consulate of the person's country: the embassy's name and first phone. */
	private Optional<String> consulateLine(KnowledgeBase base, Audience audience) {
		return audience.citizenship()
			.flatMap(citizenship -> citizenship.country())
			.flatMap(country -> base.contacts().embassy(country))
			.map(embassy -> base.text("report.consulate-line", audience,
					Map.of("name", embassy.name(audience.language()), "phone", embassy.phones().get(0))));
	}

	private static Keyboard.Button button(KnowledgeBase base, Audience audience, String key, String action) {
		return new Keyboard.Button(base.plainText(key, audience), PREFIX + action);
	}

	private static String whenKey(String value) {
		return switch (value) {
			case "now", "today", "yesterday" -> value;
			default -> "earlier";
		};
	}

	private static Optional<Long> parseId(String text) {
		try {
			return Optional.of(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Long longOrNull(Integer value) {
		return value == null ? null : value.longValue();
	}

	private long staffChatId() {
		return this.staff.staffChatId();
	}

}
