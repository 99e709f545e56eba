package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Knowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.system.StaffChat;
import org.haqqim.system.WhenChatting;
import org.haqqim.text.Html;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.MessageDelivered;
import org.haqqim.transport.MessageUndeliverable;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Everything the bot puts in the staff chat about cases. Every message is sent, never
 * forwarded (a forward shows who sent it), with {@code protect_content}, and carries the
 * case number; every message id Telegram returns is mapped to its case, so that a staff
 * reply finds its person. In a forum supergroup each case gets one topic, requested once;
 * messages wait for it and follow in order. Above a number of new cards a minute, staff
 * get a digest instead.
 */
@Component
@WhenChatting
class StaffRelay {

	private static final Logger logger = LoggerFactory.getLogger(StaffRelay.class);

	static final String TO_STAFF = "case-staff:";

	static final String TO_PERSON = "case-person:";

	static final String NEW_TOPIC = "case-topic:";

	private static final int MAX_QUOTED = 3000;

	private final Cases cases;

	private final Outbox outbox;

	private final Knowledge knowledge;

	private final StaffChat staffChat;

	private final ReportsProperties properties;

	private final Clock clock;

	private final Deque<Instant> recentCards = new ArrayDeque<>();

	StaffRelay(Cases cases, Outbox outbox, Knowledge knowledge, StaffChat staffChat, ReportsProperties properties,
			Clock clock) {
		this.cases = cases;
		this.outbox = outbox;
		this.knowledge = knowledge;
		this.staffChat = staffChat;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A newly opened case reaches staff: its card and what the person sent, or a place in
	 * the next digest.
	 */
	void announce(Case opened) {
		if (cardsInTheLastMinute() >= this.properties.cardsPerMinute()) {
			logger.info("Case {} left for the digest: more than {} new cards this minute", opened.id(),
					this.properties.cardsPerMinute());
			return;
		}
		this.recentCards.addLast(this.clock.instant());
		showCard(opened);
	}

	/**
	 * The case's card and every message not yet relayed; in a forum, once its topic
	 * exists.
	 */
	void showCard(Case shown) {
		this.cases.announced(shown.id());
		if (this.properties.forumTopics() && shown.threadId() == null) {
			requestTopic(shown);
			return;
		}
		send(shown, card(shown));
		relayPending(shown);
	}

	/** A message the person sent in an open case. */
	void relayFromPerson(Case open, long messageId) {
		if (this.properties.forumTopics() && open.threadId() == null) {
			requestTopic(open);
			return;
		}
		this.cases.messages(open.id())
			.stream()
			.filter(message -> message.id() == messageId)
			.findFirst()
			.ifPresent(message -> relay(open, message));
	}

	/**
	 * A notice about a case (taken, closed, withdrawn, not delivered), in its topic when
	 * there is one.
	 */
	void tell(Case about, String key, Map<String, String> params) {
		Map<String, String> all = new LinkedHashMap<>(params);
		all.put("case", Long.toString(about.id()));
		send(about, new Screenless(text(key, all), null));
	}

	/** A notice about no case in particular (usage, refusals, digests). */
	void tellStaff(String key, Map<String, String> params, Integer replyTo) {
		this.outbox
			.enqueue(new OutboundMessage.Text(this.staffChat.id(), text(key, params), null, null, replyTo, true));
	}

	/** New cases that were not announced one by one, in one message. */
	void sendDigest(List<Case> waiting) {
		if (waiting.isEmpty()) {
			return;
		}
		String numbers = String.join(", ",
				waiting.stream().map(c -> "#" + c.id() + (c.urgent() ? " 🆘" : "")).toList());
		tellStaff("staff.digest", Map.of("count", Integer.toString(waiting.size()), "cases", numbers), null);
		waiting.forEach(c -> this.cases.announced(c.id()));
	}

	long staffChatId() {
		return this.staffChat.id();
	}

	String text(String key, Map<String, String> params) {
		return knowledge().text(key, staffAudience(), params);
	}

	Audience staffAudience() {
		return Audience.of(this.properties.staffLanguage(), null);
	}

	// --- what Telegram answered
	// ----------------------------------------------------------------------

	/**
	 * Maps each delivered staff-chat message to its case; a new forum topic releases what
	 * waited for it.
	 */
	@EventListener
	void onDelivered(MessageDelivered delivered) {
		String correlation = delivered.correlation();
		if (correlation == null || delivered.messageId() == null) {
			return;
		}
		if (correlation.startsWith(TO_STAFF)) {
			long caseId = Long.parseLong(correlation.substring(TO_STAFF.length()));
			// A notice about a case whose person was forgotten must not link anything
			// back to them.
			this.cases.find(caseId)
				.filter(found -> found.chatId() != 0)
				.ifPresent(found -> this.cases.mapStaffMessage(delivered.chatId(), delivered.messageId(), caseId));
		}
		else if (correlation.startsWith(NEW_TOPIC)) {
			long caseId = Long.parseLong(correlation.substring(NEW_TOPIC.length()));
			this.cases.setThread(caseId, delivered.messageId());
			this.cases.find(caseId).filter(found -> found.status().isOpen()).ifPresent(found -> {
				send(found, card(found));
				relayPending(found);
			});
		}
	}

	/**
	 * A person who blocked the bot cannot be reached; staff are told once, no retries.
	 */
	@EventListener
	void onUndeliverable(MessageUndeliverable failed) {
		String correlation = failed.correlation();
		if (correlation == null || !correlation.startsWith(TO_PERSON)) {
			return;
		}
		long caseId = Long.parseLong(correlation.substring(TO_PERSON.length()));
		this.cases.find(caseId).ifPresent(found -> {
			if (failed.kind() == org.haqqim.transport.DeliveryResult.FailureKind.BLOCKED) {
				tell(found, "staff.not-delivered-blocked", Map.of());
			}
			else {
				tell(found, "staff.not-delivered", Map.of("reason", failed.reason()));
			}
		});
	}

	// --- pieces
	// ------------------------------------------------------------------------------------

	private void requestTopic(Case waiting) {
		if (!this.cases.requestTopic(waiting.id())) {
			return;
		}
		String name = Html.toPlainText(
				text("staff.topic-name", Map.of("case", Long.toString(waiting.id()), "topic", topicTitle(waiting))));
		this.outbox.enqueue(new OutboundMessage.CreateTopic(this.staffChat.id(),
				name.length() > 120 ? name.substring(0, 120) : name), NEW_TOPIC + waiting.id());
	}

	private void relayPending(Case open) {
		for (CaseMessage message : this.cases.messages(open.id())) {
			if (message.direction() == CaseMessage.Direction.IN && !message.relayed()) {
				relay(open, message);
			}
		}
	}

	/**
	 * The first text is on the card; later texts and all media follow it, copied, never
	 * forwarded.
	 */
	private void relay(Case open, CaseMessage message) {
		this.cases.markRelayed(message.id());
		String heading = text("staff.user-message", Map.of("case", Long.toString(open.id())));
		if ("TEXT".equals(message.kind()) || message.sourceMessageId() == null) {
			if (isFirstText(open, message)) {
				return;
			}
			String body = message.text() == null ? "" : message.text();
			send(open, new Screenless(heading + "\n" + Html.escape(shorten(body)), null));
			return;
		}
		Integer thread = open.threadId() == null ? null : open.threadId().intValue();
		String caption = message.text() == null ? heading : heading + "\n" + Html.escape(shorten(message.text()));
		this.outbox.enqueue(
				new OutboundMessage.Copy(this.staffChat.id(), thread, message.sourceChatId(),
						message.sourceMessageId().intValue(),
						caption.length() > 1000 ? caption.substring(0, 1000) : caption, null, true),
				TO_STAFF + open.id());
	}

	private boolean isFirstText(Case open, CaseMessage message) {
		return this.cases.messages(open.id())
			.stream()
			.filter(m -> m.direction() == CaseMessage.Direction.IN && "TEXT".equals(m.kind()))
			.findFirst()
			.map(first -> first.id() == message.id())
			.orElse(false);
	}

	/**
	 * The case card: what staff need to act, and the person's words shown as text, never
	 * as markup.
	 */
	Screenless card(Case shown) {
		Instant now = this.clock.instant();
		String notGiven = Html.toPlainText(text("staff.not-given", Map.of()));
		String words = this.cases.messages(shown.id())
			.stream()
			.filter(m -> m.direction() == CaseMessage.Direction.IN && "TEXT".equals(m.kind()))
			.findFirst()
			.map(CaseMessage::text)
			.orElse("");
		StringBuilder contact = new StringBuilder();
		if (shown.phone() != null) {
			contact.append(Html.toPlainText(text("staff.contact", Map.of("phone", shown.phone()))));
		}
		if (shown.latitude() != null) {
			contact.append(contact.length() > 0 ? "\n" : "")
				.append(Html
					.toPlainText(text("staff.location", Map.of("latitude", String.format("%.5f", shown.latitude()),
							"longitude", String.format("%.5f", shown.longitude())))));
		}
		Map<String, String> params = new LinkedHashMap<>();
		params.put("case", Long.toString(shown.id()));
		params.put("urgency",
				Html.toPlainText(text(shown.urgent() ? "staff.urgency.urgent" : "staff.urgency.normal", Map.of())));
		params.put("topic", topicTitle(shown));
		params.put("language", knowledge().language(shown.language()).map(l -> l.name()).orElse(shown.language()));
		params.put("citizenship", shown.citizenship() == null ? notGiven
				: Html.toPlainText(text("citizenship." + shown.citizenship().name(), Map.of())));
		params.put("city", shown.city() == null ? notGiven : shown.city());
		params.put("when", shown.happened() == null ? notGiven : shown.happened());
		params.put("age", age(shown.age(now)));
		params.put("contact", contact.toString());
		params.put("text", shorten(words));
		String html = text("staff.card", params).replaceAll("\n{3,}", "\n\n");
		Keyboard.Inline buttons = new Keyboard.Inline(List.of(List.of(
				new Keyboard.Button(Html.toPlainText(text("staff.button.take", Map.of())), StaffDesk.TAKE + shown.id()),
				new Keyboard.Button(Html.toPlainText(text("staff.button.close", Map.of())),
						StaffDesk.CLOSE + shown.id()))));
		return new Screenless(html, buttons);
	}

	String age(Duration age) {
		if (age.toHours() >= 48) {
			return Html.toPlainText(text("time.days", Map.of("n", Long.toString(age.toDays()))));
		}
		if (age.toMinutes() >= 120) {
			return Html.toPlainText(text("time.hours", Map.of("n", Long.toString(age.toHours()))));
		}
		return Html.toPlainText(text("time.minutes", Map.of("n", Long.toString(Math.max(0, age.toMinutes())))));
	}

	String topicTitle(Case about) {
		KnowledgeBase base = knowledge();
		return Optional.ofNullable(about.topic())
			.flatMap(base::topic)
			.flatMap(topic -> topic.findText(this.properties.staffLanguage()))
			.map(text -> text.title())
			.orElseGet(() -> Html.toPlainText(text("staff.not-given", Map.of())));
	}

	private void send(Case about, Screenless message) {
		Integer thread = about.threadId() == null ? null : about.threadId().intValue();
		this.outbox.enqueue(
				new OutboundMessage.Text(this.staffChat.id(), message.html(), message.keyboard(), thread, null, true),
				TO_STAFF + about.id());
	}

	private int cardsInTheLastMinute() {
		Instant minuteAgo = this.clock.instant().minus(Duration.ofMinutes(1));
		while (!this.recentCards.isEmpty() && this.recentCards.peekFirst().isBefore(minuteAgo)) {
			this.recentCards.removeFirst();
		}
		return this.recentCards.size();
	}

	private KnowledgeBase knowledge() {
		return this.knowledge.current();
	}

	private static String shorten(String text) {
		return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + " …";
	}

	/** A staff-chat message before it is addressed. */
	record Screenless(String html, Keyboard keyboard) {
	}

}
