package org.haqqim.conversation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.haqqim.announcements.TopicAlerts;
import org.haqqim.dates.MyDates;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Category;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.Contacts;
import org.haqqim.knowledge.Country;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Language;
import org.haqqim.knowledge.Topic;
import org.haqqim.text.Html;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.Screen;

/**
 * Every screen of the conversation, built from the texts in {@code knowledge/} for one
 * person's language and citizenship. Read top to bottom, this is the bot's table of
 * contents.
 */
final class Screens {

	private static final int NEAREST_OFFICES = 5;

	private final KnowledgeBase knowledge;

	private final Audience audience;

	private final Optional<String> bot;

	Screens(KnowledgeBase knowledge, Audience audience) {
		this(knowledge, audience, Optional.empty());
	}

	/**
	 * @param bot the bot's username, for the link that shares an answer; empty: none
	 */
	Screens(KnowledgeBase knowledge, Audience audience, Optional<String> bot) {
		this.knowledge = knowledge;
		this.audience = audience;
		this.bot = bot;
	}

	// --- onboarding and settings

	/** The six languages as buttons, the suggested one first. */
	Screen languageChoice(String suggested) {
		List<Keyboard.Button> buttons = new ArrayList<>();
		this.knowledge.language(suggested).ifPresent(language -> buttons.add(languageButton(language)));
		for (Language language : this.knowledge.languages()) {
			if (!language.code().equals(suggested)) {
				buttons.add(languageButton(language));
			}
		}
		return new Screen(text("start.choose-language"), Keyboard.Inline.grid(buttons, 2));
	}

	Screen citizenshipChoice() {
		List<Keyboard.Button> buttons = new ArrayList<>();
		for (Citizenship citizenship : Citizenship.values()) {
			buttons.add(button("citizenship." + citizenship.name(), new Action.ChooseCitizenship(citizenship)));
		}
		return new Screen(text("start.choose-citizenship"), Keyboard.Inline.grid(buttons, 2));
	}

	/**
	 * Offered once to someone who asked a question without choosing their citizenship.
	 */
	Screen settingsOffer() {
		return new Screen(text("settings.offer"), citizenshipChoice().keyboard());
	}

	Screen languageSaved(Language language) {
		return new Screen(text("settings.language-saved", Map.of("language", language.name())), null);
	}

	Screen citizenshipSaved(Citizenship citizenship) {
		return new Screen(
				text("settings.citizenship-saved", Map.of("citizenship", plain("citizenship." + citizenship.name()))),
				null);
	}

	Screen welcome() {
		return new Screen(text("welcome"), mainMenuKeyboard());
	}

	Screen help() {
		return new Screen(text("help"), mainMenuKeyboard());
	}

	// --- the menu

	Screen mainMenu() {
		return new Screen(text("menu.title"), mainMenuKeyboard());
	}

	Screen category(Category category) {
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		for (Topic topic : this.knowledge.topicsIn(category.id())) {
			rows.add(List.of(topicButton(topic)));
		}
		rows.add(List.of(button("button.back", new Action.MainMenu())));
		String name = category.icon() + " " + plain("category." + category.id());
		return new Screen(text("menu.category-title", Map.of("category", name.strip())), new Keyboard.Inline(rows));
	}

	// --- answers

	/**
	 * A topic's short answer, rendered for the person's citizenship, with what to do next
	 * as buttons.
	 */
	Screen answer(Topic topic, boolean askFeedback) {
		Topic.Text text = topicText(topic);
		StringBuilder html = new StringBuilder(Html.bold(Html.escape(text.title())));
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		Optional<Citizenship> citizenship = this.audience.citizenship();
		if (citizenship.isPresent() && !topic.appliesTo(citizenship.get())) {
			html.append("\n\n").append(text("answer.not-for-your-citizenship", Map.of("countries", countries(topic))));
			topicFor(topic, citizenship.get()).ifPresent(yours -> rows.add(List.of(topicButton(yours))));
		}
		html.append("\n\n").append(this.knowledge.render(topic, text.answer(), this.audience));
		if (askFeedback) {
			html.append("\n\n<i>").append(text("answer.ask-feedback")).append("</i>");
		}
		List<Keyboard.Button> more = new ArrayList<>();
		if (text.hasDetails()) {
			more.add(button("button.details", new Action.ShowDetails(topic.id())));
		}
		if (!topic.related().isEmpty()) {
			more.add(button("button.related", new Action.ShowRelated(topic.id())));
		}
		if (!more.isEmpty()) {
			rows.add(more);
		}
		rows.add(List.of(button("button.my-consulate", new Action.MyConsulate())));
		shareButton(topic, text).ifPresent(share -> rows.add(List.of(share)));
		rows.add(List.of(new Keyboard.Button(plain("button.subscribe"), TopicAlerts.subscribeButton(topic.id()))));
		rows.add(List.of(button("button.talk-to-staff", new Action.TalkToStaff(topic.id()))));
		if (askFeedback) {
			rows.add(List.of(button("button.helpful", new Action.RateAnswer(topic.id(), true)),
					button("button.not-helpful", new Action.RateAnswer(topic.id(), false))));
		}
		rows.add(List.of(button("button.back", new Action.OpenCategory(topic.category())),
				button("button.main-menu", new Action.MainMenu())));
		return new Screen(html.toString(), new Keyboard.Inline(rows));
	}

	Screen details(Topic topic) {
		Topic.Text text = topicText(topic);
		String html = Html.bold(Html.escape(text.title())) + "\n\n"
				+ this.knowledge.render(topic, text.details(), this.audience);
		return new Screen(html,
				Keyboard.Inline.column(List.of(button("button.talk-to-staff", new Action.TalkToStaff(topic.id())),
						button("button.main-menu", new Action.MainMenu()))));
	}

	Screen related(Topic topic) {
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		for (String id : topic.related()) {
			this.knowledge.topic(id).ifPresent(related -> rows.add(List.of(topicButton(related))));
		}
		rows.add(List.of(button("button.back", new Action.ShowTopic(topic.id())),
				button("button.main-menu", new Action.MainMenu())));
		return new Screen(Html.bold(Html.escape(topicText(topic).title())) + "\n\n" + text("answer.related"),
				new Keyboard.Inline(rows));
	}

	/**
	 * A button that lets the person send this answer to a friend: Telegram's share page
	 * with the flyer link that opens the answer in the same language, and its title.
	 */
	private Optional<Keyboard.Button> shareButton(Topic topic, Topic.Text text) {
		return this.bot.map(username -> {
			String link = "https://t.me/" + username + "?start=" + topic.id() + "-" + this.audience.language();
			return Keyboard.Button.link(plain("button.share"),
					"https://t.me/share/url?url=" + URLEncoder.encode(link, StandardCharsets.UTF_8) + "&text="
							+ URLEncoder.encode(text.title(), StandardCharsets.UTF_8));
		});
	}

	/**
	 * The topic on the same question written for the person's citizenship, among those
	 * the maintainers listed as related: the patent for an Uzbek reading about EAEU work.
	 */
	private Optional<Topic> topicFor(Topic topic, Citizenship citizenship) {
		return topic.related()
			.stream()
			.flatMap(id -> this.knowledge.topic(id).stream())
			.filter(related -> related.category().equals(topic.category()) && related.appliesTo(citizenship)
					&& related.citizenships().size() < Citizenship.values().length)
			.findFirst();
	}

	/** Up to three topics the question may have meant, and a way to a person instead. */
	Screen didYouMean(List<Topic> topics) {
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		topics.stream().limit(3).forEach(topic -> rows.add(List.of(topicButton(topic))));
		rows.add(List.of(button("button.none-of-these", new Action.TalkToStaff(null))));
		rows.add(List.of(button("button.main-menu", new Action.MainMenu())));
		return new Screen(text("match.did-you-mean"), new Keyboard.Inline(rows));
	}

	/** An honest "I don't know this one", the menu, and the way to staff. */
	Screen noMatch() {
		return new Screen(text("match.none"), mainMenuKeyboard());
	}

	/**
	 * "I have no answer for this, but staff can help", with the button to them first: a
	 * death, a body to send home, a relative missing.
	 */
	Screen forStaff() {
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		rows.add(List.of(button("button.talk-to-staff", new Action.TalkToStaff(null))));
		rows.add(List.of(button("button.main-menu", new Action.MainMenu())));
		return new Screen(text("match.staff-only"), new Keyboard.Inline(rows));
	}

	/**
	 * Hello back, and the menu: someone who greets the bot often does not know yet what
	 * to ask.
	 */
	Screen greeting() {
		return new Screen(text("match.greeting"), mainMenuKeyboard());
	}

	Screen thanks() {
		return new Screen(text("match.thanks"), null);
	}

	Screen feedbackThanks() {
		return new Screen(text("feedback.thanks"), null);
	}

	// --- contacts

	Screen countryChoice() {
		List<Keyboard.Button> buttons = new ArrayList<>();
		for (Country country : Country.ofMigrants()) {
			buttons.add(new Keyboard.Button(plain("citizenship." + country), new Action.OfficesOf(country).encode()));
		}
		return new Screen(text("contacts.choose-country"), Keyboard.Inline.grid(buttons, 2));
	}

	/**
	 * Every office of a country, the embassy first, with buttons to narrow them to a
	 * city.
	 */
	Screen offices(Country country) {
		List<Contacts.Office> offices = new ArrayList<>(this.knowledge.contacts().ofCountry(country));
		if (offices.isEmpty()) {
			return new Screen(text("contacts.none"), mainMenuKeyboard());
		}
		offices.sort(Comparator.comparing((Contacts.Office office) -> office.kind().ordinal())
			.thenComparing(office -> cityName(office.city())));
		StringBuilder html = new StringBuilder(
				Html.bold(text("contacts.title", Map.of("country", plain("country." + country)))));
		offices.forEach(office -> html.append("\n\n").append(office(office, country, null)));
		html.append("\n\n").append(emergencyNumbers());
		Set<String> cities = new LinkedHashSet<>();
		offices.forEach(office -> cities.add(office.city()));
		List<Keyboard.Button> buttons = new ArrayList<>();
		for (String city : cities) {
			buttons.add(new Keyboard.Button(cityName(city), new Action.OfficesIn(country, city).encode()));
		}
		return new Screen(html.toString(), Keyboard.Inline.grid(buttons, 2));
	}

	/** A short prompt with the button that shares the person's location. */
	Screen locationPrompt() {
		return new Screen(text("contacts.choose-city"), new Keyboard.Request(
				List.of(new Keyboard.RequestButton(plain("button.share-location"), Keyboard.RequestKind.LOCATION))));
	}

	Screen officesIn(Country country, String city) {
		List<Contacts.Office> inCity = this.knowledge.contacts()
			.ofCountry(country)
			.stream()
			.filter(office -> office.city().equals(city))
			.toList();
		if (!inCity.isEmpty()) {
			StringBuilder html = new StringBuilder(Html.bold(text("contacts.in-city", Map.of("city", cityName(city)))));
			inCity.forEach(office -> html.append("\n\n").append(office(office, country, null)));
			return new Screen(html.toString(),
					Keyboard.Inline.column(List.of(
							new Keyboard.Button(plain("button.all-cities"), new Action.OfficesOf(country).encode()),
							button("button.main-menu", new Action.MainMenu()))));
		}
		Optional<Contacts.Coordinates> point = this.knowledge.contacts().city(city).flatMap(Contacts.City::coordinates);
		String heading = text("contacts.none-in-city",
				Map.of("country", plain("country." + country), "city", cityName(city)));
		return point.map(p -> nearest(heading, List.of(country), p.latitude(), p.longitude()))
			.orElseGet(() -> offices(country));
	}

	/**
	 * Offices nearest to a shared location first, with their distance; all four countries
	 * when the person's is not known.
	 */
	Screen officesNear(double latitude, double longitude) {
		List<Country> countries = this.audience.citizenship()
			.flatMap(Citizenship::country)
			.map(List::of)
			.orElse(Country.ofMigrants());
		return nearest(text("contacts.nearest"), countries, latitude, longitude);
	}

	private Screen nearest(String heading, List<Country> countries, double latitude, double longitude) {
		List<Contacts.Distanced> nearest = new ArrayList<>();
		for (Country country : countries) {
			nearest.addAll(this.knowledge.contacts().nearest(country, latitude, longitude));
		}
		nearest.sort(Comparator.comparingDouble(Contacts.Distanced::kilometres));
		StringBuilder html = new StringBuilder(Html.bold(heading));
		nearest.stream()
			.limit(NEAREST_OFFICES)
			.forEach(distanced -> html.append("\n\n")
				.append(office(distanced.office(), distanced.office().country(), distanced.kilometres())));
		html.append("\n\n").append(emergencyNumbers());
		return new Screen(html.toString(), new Keyboard.Remove());
	}

	/**
	 * One office: kind and name, address, phones (tappable in Telegram), hours, and how
	 * sure the bot is of them.
	 */
	private String office(Contacts.Office office, Country country, Double kilometres) {
		String language = this.audience.language();
		StringBuilder html = new StringBuilder();
		html.append("🏛 ")
			.append(Html
				.bold(Html.escape(plain("contacts.kind." + office.kind().id()) + ": " + office.name(language))));
		html.append('\n').append(Html.escape(cityName(office.city())));
		if (!office.address().isBlank()) {
			html.append(", ").append(Html.escape(office.address()));
		}
		if (!office.phones().isEmpty()) {
			html.append("\n📞 ").append(Html.escape(String.join(", ", office.phones())));
		}
		else {
			this.knowledge.contacts()
				.embassy(country)
				.filter(embassy -> !embassy.id().equals(office.id()))
				.ifPresent(embassy -> html.append("\n📞 ")
					.append(text(embassy.check().isPresent() ? "contacts.no-phone" : "contacts.no-phone-unconfirmed",
							Map.of("phone", embassy.phones().get(0)))));
		}
		if (office.email() != null) {
			html.append("\n✉️ ").append(Html.escape(office.email()));
		}
		if (office.website() != null) {
			html.append("\n🌐 ").append(Html.escape(office.website()));
		}
		office.hours(language).ifPresent(hours -> html.append("\n🕘 ").append(Html.escape(hours)));
		if (kilometres != null && kilometres < Double.MAX_VALUE) {
			html.append("\n📍 ")
				.append(text("contacts.distance",
						Map.of("km", String.format(Locale.ROOT, kilometres < 10 ? "%.1f" : "%.0f", kilometres))));
		}
		html.append("\n").append(howSure(office));
		return html.toString();
	}

	/**
	 * "Checked on" only when someone called or read the official site; otherwise a
	 * warning to call before going, stronger when even the source is weak.
	 */
	private String howSure(Contacts.Office office) {
		return office.check()
			.map(check -> text("contacts.verified", Map.of("date", date(check.date()))))
			.orElseGet(() -> text(office.reliability() == Contacts.Reliability.WEAK ? "contacts.weak-source"
					: "contacts.unconfirmed"));
	}

	private String emergencyNumbers() {
		StringBuilder html = new StringBuilder(Html.bold(text("contacts.emergency-title")));
		for (Contacts.Office office : this.knowledge.contacts().ofCountry(Country.RU)) {
			if (office.kind() == Contacts.OfficeKind.EMERGENCY) {
				html.append('\n')
					.append(Html.escape(String.join(", ", office.phones())))
					.append(" – ")
					.append(Html.escape(office.name(this.audience.language())));
			}
		}
		return html.toString();
	}

	// --- privacy

	Screen privacy(int retentionDays, int questionsKeptDays) {
		return new Screen(text("privacy", Map.of("retention-days", Integer.toString(retentionDays), "questions-days",
				Integer.toString(questionsKeptDays))), null);
	}

	Screen forgetConfirmation() {
		return new Screen(text("forget.confirm"),
				Keyboard.Inline.column(
						List.of(new Keyboard.Button(plain("forget.confirm-button"), new Action.Forget(true).encode()),
								button("button.cancel", new Action.Forget(false)))));
	}

	Screen forgotten() {
		return new Screen(text("forget.done"), null);
	}

	Screen notForgotten() {
		return new Screen(text("forget.cancelled"), null);
	}

	// --- other input

	/**
	 * A voice note, photo or file outside a report: the bot cannot read it, but staff can
	 * receive it.
	 */
	Screen mediaOutsideAReport(String key) {
		return new Screen(text(key),
				Keyboard.Inline.column(List.of(button("button.talk-to-staff", new Action.TalkToStaff(null)),
						button("button.main-menu", new Action.MainMenu()))));
	}

	Screen onlyText(String key) {
		return new Screen(text(key), mainMenuKeyboard());
	}

	Screen oldButton() {
		return new Screen(text("error.old-button"), mainMenuKeyboard());
	}

	// --- pieces

	/** Categories two by two, then the consulate and the way to staff. */
	Keyboard.Inline mainMenuKeyboard() {
		List<Keyboard.Button> categories = new ArrayList<>();
		for (Category category : this.knowledge.categories()) {
			String label = (category.icon() + " " + plain("category." + category.id())).strip();
			categories.add(new Keyboard.Button(label, new Action.OpenCategory(category.id()).encode()));
		}
		List<List<Keyboard.Button>> rows = new ArrayList<>(Keyboard.Inline.grid(categories, 2).rows());
		rows.add(List.of(button("button.my-consulate", new Action.MyConsulate())));
		rows.add(List.of(new Keyboard.Button(plain("button.dates"), MyDates.openButton())));
		rows.add(List.of(button("button.talk-to-staff", new Action.TalkToStaff(null))));
		return new Keyboard.Inline(rows);
	}

	String text(String key) {
		return this.knowledge.text(key, this.audience);
	}

	String text(String key, Map<String, String> params) {
		return this.knowledge.text(key, this.audience, params);
	}

	private String plain(String key) {
		return this.knowledge.plainText(key, this.audience);
	}

	private Topic.Text topicText(Topic topic) {
		return topic.findText(this.audience.language()).orElseGet(() -> topic.text(this.knowledge.defaultLanguage()));
	}

	private Keyboard.Button topicButton(Topic topic) {
		return new Keyboard.Button(topicText(topic).title(), new Action.ShowTopic(topic.id()).encode());
	}

	private Keyboard.Button button(String key, Action action) {
		return new Keyboard.Button(plain(key), action.encode());
	}

	private static Keyboard.Button languageButton(Language language) {
		return new Keyboard.Button(language.name(), new Action.ChooseLanguage(language.code()).encode());
	}

	private String countries(Topic topic) {
		List<String> names = new ArrayList<>();
		for (Citizenship citizenship : Citizenship.values()) {
			if (topic.appliesTo(citizenship) && citizenship != Citizenship.OTHER) {
				names.add(plain("country." + citizenship.name()));
			}
		}
		return String.join(", ", names);
	}

	private String cityName(String city) {
		return this.knowledge.contacts().city(city).map(found -> found.name(this.audience.language())).orElse(city);
	}

	private static String date(LocalDate date) {
		return date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
	}

}
