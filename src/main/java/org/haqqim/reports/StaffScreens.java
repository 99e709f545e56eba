package org.haqqim.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Language;
import org.haqqim.text.Html;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.Screen;

/**
 * Everything the bot writes in the staff chat, in the staff's language: the case card,
 * notices about a case, the list of open cases, counts and digests. What a person typed
 * is always shown as text, never as markup.
 */
final class StaffScreens {

	private static final int MAX_CAPTION = 1000;

	private static final int MAX_TOPIC_NAME = 120;

	private static final int MOST_DIGEST_BUTTONS = 100;

	private final KnowledgeBase knowledge;

	private final Audience staff;

	StaffScreens(KnowledgeBase knowledge, String staffLanguage) {
		this.knowledge = knowledge;
		this.staff = Audience.of(staffLanguage, null);
	}

	/**
	 * The case card: what staff need to act, with buttons to take and to close it. A case
	 * reaches staff before its intake ends; what the person is still being asked says so.
	 */
	Screen card(Case shown, List<CaseMessage> messages, Instant now) {
		String notGiven = plain("staff.not-given");
		String words = firstText(messages).map(CaseMessage::text).orElse("");
		StringBuilder contact = new StringBuilder();
		Case.Intake intake = shown.intake();
		if (intake.phone() != null) {
			contact.append(plain("staff.contact", Map.of("phone", intake.phone())));
		}
		if (intake.location() != null) {
			contact.append(contact.length() > 0 ? "\n" : "")
				.append(plain("staff.location", Map.of("latitude", String.format("%.5f", intake.location().latitude()),
						"longitude", String.format("%.5f", intake.location().longitude()))));
		}
		Map<String, String> params = new LinkedHashMap<>();
		params.put("case", Long.toString(shown.id()));
		params.put("urgency", urgency(shown));
		params.put("topic", topicTitle(shown));
		params.put("language", this.knowledge.language(shown.language()).map(Language::name).orElse(shown.language()));
		params.put("citizenship",
				shown.citizenship() == null ? notGiven : plain("citizenship." + shown.citizenship().name()));
		String missing = shown.asking() ? plain("staff.still-asking") : notGiven;
		params.put("city", intake.city() == null ? missing : intake.city());
		params.put("when", intake.happened() == null ? missing : intake.happened());
		params.put("age", age(shown.age(now)));
		params.put("contact", contact.toString());
		params.put("text", words);
		String html = text("staff.card", params).replaceAll("\n{3,}", "\n\n");
		Keyboard.Inline buttons = new Keyboard.Inline(List
			.of(List.of(new Keyboard.Button(plain("staff.button.take"), new CaseAction.Take(shown.id()).encode()),
					new Keyboard.Button(plain("staff.button.close"), new CaseAction.Close(shown.id()).encode()))));
		return new Screen(html, buttons);
	}

	/** The first text the person sent: it is on the card, so it is not relayed again. */
	static Optional<CaseMessage> firstText(List<CaseMessage> messages) {
		return messages.stream()
			.filter(message -> message.direction() == CaseMessage.Direction.IN && "TEXT".equals(message.kind()))
			.findFirst();
	}

	/** A notice about a case: taken, closed, withdrawn, a reminder. */
	String about(Case about, String key, Map<String, String> params) {
		Map<String, String> all = new LinkedHashMap<>(params);
		all.put("case", Long.toString(about.id()));
		return text(key, all);
	}

	/**
	 * A later message of the person, under the case's heading, whole: a long one is split
	 * into several messages when it is queued, never cut.
	 */
	String fromPerson(long caseId, String words) {
		return heading(caseId) + "\n" + Html.escape(words == null ? "" : words);
	}

	/**
	 * The caption of media the person sent, under the case's heading. Telegram allows
	 * 1,000 characters as shown, so a longer caption is cut in its text, between words,
	 * before it is escaped (a cut in the markup, inside {@code &amp;}, made Telegram
	 * refuse the media), and {@link #captionRest} carries the rest.
	 */
	String mediaCaption(long caseId, String caption) {
		if (caption == null) {
			return heading(caseId);
		}
		int cut = captionCut(caseId, caption);
		String shown = cut == caption.length() ? caption : caption.substring(0, cut).stripTrailing() + " …";
		return heading(caseId) + "\n" + Html.escape(shown);
	}

	/** What did not fit in the caption, as a message of its own to follow the media. */
	Optional<String> captionRest(long caseId, String caption) {
		if (caption == null) {
			return Optional.empty();
		}
		int cut = captionCut(caseId, caption);
		return cut == caption.length() ? Optional.empty()
				: Optional.of(fromPerson(caseId, "… " + caption.substring(cut).stripLeading()));
	}

	/** Room is left for the heading, its line break and the " …" of a cut caption. */
	private int captionCut(long caseId, String caption) {
		int room = MAX_CAPTION - Html.toPlainText(heading(caseId)).length() - 1;
		return caption.length() <= room ? caption.length() : Html.cutBetweenWords(caption, room - 2);
	}

	/**
	 * The name of a case's forum topic: its number and topic, within Telegram's 128
	 * characters.
	 */
	String forumTopicName(Case waiting) {
		String name = Html.toPlainText(
				text("staff.topic-name", Map.of("case", Long.toString(waiting.id()), "topic", topicTitle(waiting))));
		return name.length() > MAX_TOPIC_NAME ? name.substring(0, MAX_TOPIC_NAME) : name;
	}

	/** The open cases, urgent first, with their age and whether someone took them. */
	String openCases(List<Case> open, Instant now) {
		StringBuilder html = new StringBuilder(text("staff.cases.header"));
		for (Case each : open) {
			html.append('\n')
				.append(text("staff.cases.line", Map.of("case", Long.toString(each.id()), "urgency", urgency(each),
						"topic", topicTitle(each), "age", age(each.age(now)), "status",
						plain(each.status() == CaseStatus.TAKEN ? "staff.status.taken" : "staff.status.open"))));
		}
		return html.toString();
	}

	/** New cases that were not announced one by one. */
	String digest(List<Case> waiting) {
		String numbers = String.join(", ",
				waiting.stream().map(each -> "#" + each.id() + (each.urgent() ? " 🆘" : "")).toList());
		return text("staff.digest", Map.of("count", Integer.toString(waiting.size()), "cases", numbers));
	}

	/**
	 * A button per case of a digest, four to a row, that shows the case's card; Telegram
	 * takes at most 100 buttons, and the cases past them are still reached with
	 * {@code /take N}.
	 */
	Keyboard.Inline digestButtons(List<Case> waiting) {
		List<Keyboard.Button> buttons = waiting.stream()
			.limit(MOST_DIGEST_BUTTONS)
			.map(each -> new Keyboard.Button("#" + each.id() + (each.urgent() ? " 🆘" : ""),
					new CaseAction.ShowCard(each.id()).encode()))
			.toList();
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		for (int start = 0; start < buttons.size(); start += 4) {
			rows.add(buttons.subList(start, Math.min(start + 4, buttons.size())));
		}
		return new Keyboard.Inline(rows);
	}

	/** A text as staff read it, without markup. */
	String plainText(String key) {
		return plain(key);
	}

	String plainText(String key, Map<String, String> params) {
		return plain(key, params);
	}

	/** An outcome's name as staff read it; "not recorded" for the empty one. */
	String outcomeName(String outcome) {
		return plain(outcome.isEmpty() ? "staff.outcome-not-recorded" : "outcome." + outcome);
	}

	/** "5 min", "3 h", "2 days", as staff read it. */
	String age(Duration age) {
		if (age.toHours() >= 48) {
			return plain("time.days", Map.of("n", Long.toString(age.toDays())));
		}
		if (age.toMinutes() >= 120) {
			return plain("time.hours", Map.of("n", Long.toString(age.toHours())));
		}
		return plain("time.minutes", Map.of("n", Long.toString(Math.max(0, age.toMinutes()))));
	}

	/** The title of the case's topic in the staff's language, or "not given". */
	String topicTitle(Case about) {
		return Optional.ofNullable(about.topic())
			.flatMap(this.knowledge::topic)
			.flatMap(topic -> topic.findText(this.staff.language()))
			.map(text -> text.title())
			.orElseGet(() -> plain("staff.not-given"));
	}

	/**
	 * The name of a city of the contacts in the staff's language, or its id when unknown.
	 */
	String cityName(String cityId) {
		return this.knowledge.contacts().city(cityId).map(city -> city.name(this.staff.language())).orElse(cityId);
	}

	/** The staff-language name of a "when did it happen?" answer. */
	String happened(CaseAction.Happened when) {
		return plain("report.when." + when.code());
	}

	String text(String key) {
		return text(key, Map.of());
	}

	String text(String key, Map<String, String> params) {
		return this.knowledge.text(key, this.staff, params);
	}

	private String urgency(Case about) {
		return plain(about.urgent() ? "staff.urgency.urgent" : "staff.urgency.normal");
	}

	private String heading(long caseId) {
		return text("staff.user-message", Map.of("case", Long.toString(caseId)));
	}

	private String plain(String key) {
		return plain(key, Map.of());
	}

	private String plain(String key, Map<String, String> params) {
		return Html.toPlainText(text(key, params));
	}

}
