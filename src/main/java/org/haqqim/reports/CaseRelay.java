package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.Language;
import org.haqqim.system.StartupRefusal;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.DeliveryListener;
import org.haqqim.transport.DeliveryResult;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.MessageDelivered;
import org.haqqim.transport.MessageUndeliverable;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Replies;
import org.haqqim.transport.Screen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * An open case between the person and the staff chat. Everything the bot puts in the
 * staff chat about cases goes through here: it is sent, never forwarded (a forward shows
 * who sent it), with {@code protect_content}, and carries the case number; every message
 * id Telegram returns is mapped to its case, so that a staff reply finds its person. In a
 * forum supergroup each case gets one topic, requested once; messages wait for it and
 * follow in order. Above a number of new cards a minute, staff get a digest instead.
 */
@Component
@WhenChatting
class CaseRelay implements DeliveryListener {

	private static final Logger logger = LoggerFactory.getLogger(CaseRelay.class);

	/**
	 * A person writing on in an open case is told "added" once in this long, not for
	 * every message.
	 */
	private static final Duration ACKNOWLEDGE_AGAIN_AFTER = Duration.ofMinutes(10);

	private final Cases cases;

	private final CurrentKnowledge knowledge;

	private final Desks desks;

	private final ReportsProperties properties;

	private final ReportMetrics metrics;

	private final Clock clock;

	private final Map<String, Deque<Instant>> recentCards = new HashMap<>();

	CaseRelay(Cases cases, CurrentKnowledge knowledge, Desks desks, ReportsProperties properties, ReportMetrics metrics,
			Clock clock) {
		if (knowledge.current().language(properties.staffLanguage()).isEmpty()) {
			throw new StartupRefusal("HAQQIM_REPORTS_STAFF_LANGUAGE is not valid: '" + properties.staffLanguage()
					+ "' is not a language of the knowledge base, such as "
					+ knowledge.current().languages().stream().map(Language::code).collect(Collectors.joining(", ")));
		}
		this.cases = cases;
		this.knowledge = knowledge;
		this.desks = desks;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A newly opened case reaches staff: its card and what the person sent, or a place in
	 * the next digest.
	 */
	Replies announce(Case opened) {
		this.metrics.opened(opened);
		Deque<Instant> recent = this.recentCards.computeIfAbsent(this.desks.of(opened).id(),
				desk -> new ArrayDeque<>());
		if (cardsInTheLastMinute(recent) >= this.properties.cardsPerMinute()) {
			logger.info("Case {} left for the digest: more than {} new cards this minute at its desk", opened.id(),
					this.properties.cardsPerMinute());
			return Replies.none();
		}
		recent.addLast(this.clock.instant());
		return showCard(opened);
	}

	/**
	 * The case's card and every message not yet relayed; in a forum, once its topic
	 * exists.
	 */
	Replies showCard(Case shown) {
		this.cases.announced(shown.id());
		if (waitsForTopic(shown)) {
			return requestTopic(shown);
		}
		return cardAndPending(shown);
	}

	/**
	 * A message the person sent while the case is open: to staff, and "added" to the
	 * person now and then.
	 */
	Replies fromPerson(Case open, InboundEvent event, Audience audience) {
		Optional<Long> message = record(open, event);
		if (message.isEmpty()) {
			return Replies.none();
		}
		Replies relayed = relay(open, message.get());
		Instant now = this.clock.instant();
		Instant lastAck = open.timeline().lastAckAt();
		if (lastAck != null && !lastAck.plus(ACKNOWLEDGE_AGAIN_AFTER).isBefore(now)) {
			return relayed;
		}
		this.cases.acknowledged(open.id());
		return relayed
			.and(new ReportScreens(this.knowledge.current(), audience).added(open.id()).sendTo(open.chatId()));
	}

	/**
	 * One stored message of the person, to staff; in a forum, once the case's topic
	 * exists.
	 */
	Replies relay(Case open, long messageId) {
		if (waitsForTopic(open)) {
			return requestTopic(open);
		}
		List<CaseMessage> messages = this.cases.messages(open.id());
		return messages.stream()
			.filter(message -> message.id() == messageId)
			.findFirst()
			.map(message -> relay(open, message, messages))
			.orElse(Replies.none());
	}

	/**
	 * A notice about a case (taken, closed, withdrawn, not delivered), in its topic when
	 * there is one.
	 */
	Replies tell(Case about, String key, Map<String, String> params) {
		return toStaff(about, Screen.of(staffScreens().about(about, key, params)));
	}

	/**
	 * A notice about no case in particular (usage, refusals, digests), as a reply to
	 * {@code replyTo}.
	 */
	Replies tellStaff(long staffChatId, String html, Integer replyTo) {
		return Replies.of(new OutboundMessage.Text(staffChatId, html, null, null, replyTo, true));
	}

	/** A message to the person of a case; staff are told if it cannot be delivered. */
	Replies toPerson(Case about, Screen screen) {
		return Replies.of(screen.sendTo(about.chatId()), CaseCorrelation.toPerson(about.id()).encode());
	}

	/** A message of the case in the staff chat, in its topic when there is one. */
	Replies toStaff(Case about, Screen screen) {
		return Replies.of(
				new OutboundMessage.Text(chatOf(about), screen.html(), screen.keyboard(), about.thread(), null, true),
				CaseCorrelation.toStaff(about.id()).encode());
	}

	/**
	 * New cases that were not announced one by one, in one message, with a button per
	 * case that shows its full card.
	 */
	Replies digest(List<Case> waiting) {
		Map<Long, List<Case>> byDesk = new LinkedHashMap<>();
		waiting.forEach(each -> byDesk.computeIfAbsent(chatOf(each), chat -> new ArrayList<>()).add(each));
		Replies digests = Replies.none();
		for (Map.Entry<Long, List<Case>> desk : byDesk.entrySet()) {
			digests = digests.and(new OutboundMessage.Text(desk.getKey(), staffScreens().digest(desk.getValue()),
					staffScreens().digestButtons(desk.getValue()), null, null, true));
			desk.getValue().forEach(each -> this.cases.listedInDigest(each.id()));
		}
		return digests;
	}

	/** What is written in the staff chat, in the staff's language. */
	StaffScreens staffScreens() {
		return new StaffScreens(this.knowledge.current(), this.properties.staffLanguage());
	}

	/** The staff chat of the desk that has the case. */
	long chatOf(Case about) {
		return this.desks.of(about).chatId();
	}

	// --- what Telegram answered

	/**
	 * Maps each delivered staff-chat message to its case; a new forum topic releases what
	 * waited for it.
	 */
	@Override
	public Replies delivered(MessageDelivered delivered) {
		if (delivered.messageId() == null) {
			return Replies.none();
		}
		Optional<CaseCorrelation> correlation = CaseCorrelation.decode(delivered.correlation());
		if (correlation.orElse(null) instanceof CaseCorrelation.ToStaff toStaff) {
			// A notice about a case whose person was forgotten must not link anything
			// back to them.
			this.cases.find(toStaff.caseId())
				.filter(found -> found.chatId() != 0)
				.ifPresent(found -> this.cases.mapStaffMessage(delivered.chatId(), delivered.messageId(), found.id()));
			return Replies.none();
		}
		if (correlation.orElse(null) instanceof CaseCorrelation.NewTopic topic) {
			this.cases.setThread(topic.caseId(), delivered.messageId());
			return this.cases.find(topic.caseId())
				.filter(found -> found.status().isOpen())
				.map(this::cardAndPending)
				.orElse(Replies.none());
		}
		return Replies.none();
	}

	/**
	 * A person who blocked the bot cannot be reached; staff are told once, no retries.
	 */
	@Override
	public Replies undeliverable(MessageUndeliverable failed) {
		if (!(CaseCorrelation.decode(failed.correlation()).orElse(null) instanceof CaseCorrelation.ToPerson person)) {
			return Replies.none();
		}
		return this.cases.find(person.caseId())
			.map(found -> failed.kind() == DeliveryResult.FailureKind.BLOCKED
					? tell(found, "staff.not-delivered-blocked", Map.of())
					: tell(found, "staff.not-delivered", Map.of("reason", failed.reason())))
			.orElse(Replies.none());
	}

	// --- pieces

	/**
	 * Stores what the person sent in the open case; a location or a phone also goes on
	 * the card.
	 */
	private Optional<Long> record(Case open, InboundEvent event) {
		if (event instanceof InboundEvent.Media media) {
			return Optional.of(this.cases.addMedia(open.id(), media));
		}
		if (event instanceof InboundEvent.Text text) {
			return Optional.of(this.cases.addText(open.id(), text));
		}
		if (event instanceof InboundEvent.Location location) {
			this.cases.setLocation(open.id(), location.latitude(), location.longitude());
			return Optional.of(this.cases.addShared(open.id(),
					String.format("📍 %.5f, %.5f", location.latitude(), location.longitude())));
		}
		if (event instanceof InboundEvent.Contact contact) {
			this.cases.setPhone(open.id(), contact.phoneNumber());
			return Optional.of(this.cases.addShared(open.id(), "📞 " + contact.phoneNumber()));
		}
		return Optional.empty();
	}

	private boolean waitsForTopic(Case about) {
		return this.properties.forumTopics() && about.staffSide().threadId() == null;
	}

	private Replies requestTopic(Case waiting) {
		if (!this.cases.requestTopic(waiting.id())) {
			return Replies.none();
		}
		return Replies.of(new OutboundMessage.CreateTopic(chatOf(waiting), staffScreens().forumTopicName(waiting)),
				new CaseCorrelation.NewTopic(waiting.id()).encode());
	}

	private Replies cardAndPending(Case shown) {
		List<CaseMessage> messages = this.cases.messages(shown.id());
		Replies replies = toStaff(shown, staffScreens().card(shown, messages, this.clock.instant()));
		for (CaseMessage message : messages) {
			if (message.direction() == CaseMessage.Direction.IN && !message.relayed()) {
				replies = replies.and(relay(shown, message, messages));
			}
		}
		return replies;
	}

	/**
	 * The first text is on the card; later texts and all media follow it, copied, never
	 * forwarded.
	 */
	private Replies relay(Case open, CaseMessage message, List<CaseMessage> messages) {
		this.cases.markRelayed(message.id());
		StaffScreens screens = staffScreens();
		if ("TEXT".equals(message.kind()) || message.sourceMessageId() == null) {
			boolean onTheCard = StaffScreens.firstText(messages).map(first -> first.id() == message.id()).orElse(false);
			return onTheCard ? Replies.none() : toStaff(open, Screen.of(screens.fromPerson(open.id(), message.text())));
		}
		Replies copy = Replies.of(new OutboundMessage.Copy(chatOf(open), open.thread(), message.sourceChatId(),
				message.sourceMessageId().intValue(), screens.mediaCaption(open.id(), message.text()), null, true),
				CaseCorrelation.toStaff(open.id()).encode());
		return screens.captionRest(open.id(), message.text())
			.map(rest -> copy.and(toStaff(open, Screen.of(rest))))
			.orElse(copy);
	}

	private int cardsInTheLastMinute(Deque<Instant> recent) {
		Instant minuteAgo = this.clock.instant().minus(Duration.ofMinutes(1));
		while (!recent.isEmpty() && recent.peekFirst().isBefore(minuteAgo)) {
			recent.removeFirst();
		}
		return recent.size();
	}

}
