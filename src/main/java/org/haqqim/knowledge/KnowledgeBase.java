package org.haqqim.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haqqim.text.Html;

/**
 * One immutable, validated version of everything in {@code knowledge/}. A reload builds a
 * new one and swaps it in whole, so no answer is ever built from a half-loaded base.
 */
public final class KnowledgeBase {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9][a-z0-9._-]*)}");

	private static final Set<Citizenship> EVERYONE = Collections.unmodifiableSet(EnumSet.allOf(Citizenship.class));

	private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

	private static final String MARKER = "\u0000";

	private final List<Language> languages;

	private final String defaultLanguage;

	private final List<Category> categories;

	private final Map<String, Topic> topics;

	private final Map<String, Fact> facts;

	private final Contacts contacts;

	private final Map<String, Map<String, String>> texts;

	private final Lexicon lexicon;

	private final Deadlines deadlines;

	private final Map<String, Announcement> announcements;

	private final Clock clock;

	KnowledgeBase(List<Language> languages, String defaultLanguage, List<Category> categories,
			Map<String, Topic> topics, Map<String, Fact> facts, Contacts contacts,
			Map<String, Map<String, String>> texts, Lexicon lexicon, Deadlines deadlines,
			Map<String, Announcement> announcements, Clock clock) {
		this.languages = List.copyOf(languages);
		this.defaultLanguage = defaultLanguage;
		this.categories = List.copyOf(categories);
		this.topics = orderedByMenu(categories, topics);
		this.facts = Map.copyOf(facts);
		this.contacts = contacts;
		this.texts = Map.copyOf(texts);
		this.lexicon = lexicon;
		this.deadlines = deadlines;
		this.announcements = Map.copyOf(announcements);
		this.clock = clock;
	}

	private static Map<String, Topic> orderedByMenu(List<Category> categories, Map<String, Topic> topics) {
		Map<String, Topic> ordered = new LinkedHashMap<>();
		for (Category category : categories) {
			topics.values()
				.stream()
				.filter(topic -> topic.category().equals(category.id()))
				.forEach(topic -> ordered.put(topic.id(), topic));
		}
		topics.values().forEach(topic -> ordered.putIfAbsent(topic.id(), topic));
		return Collections.unmodifiableMap(ordered);
	}

	public List<Language> languages() {
		return this.languages;
	}

	public Optional<Language> language(String code) {
		return this.languages.stream().filter(language -> language.code().equals(code)).findFirst();
	}

	/**
	 * The language maintainers write a language's texts in: itself, or for a language the
	 * bot generates (Uzbek Cyrillic), the one it is generated from. Word lists are kept
	 * for written languages only.
	 */
	public String writtenLanguageOf(String code) {
		return language(code).filter(Language::isGenerated).map(Language::generatedFrom).orElse(code);
	}

	public String defaultLanguage() {
		return this.defaultLanguage;
	}

	/**
	 * The language a person's Telegram app language suggests ({@code uz-UZ}, {@code ru}),
	 * or the default language when it suggests none or is unknown.
	 */
	public String languageForApp(String telegramCode) {
		if (telegramCode != null) {
			String primary = telegramCode.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
			for (Language language : this.languages) {
				if (language.telegramCodes().contains(primary)) {
					return language.code();
				}
			}
		}
		return this.defaultLanguage;
	}

	public List<Category> categories() {
		return this.categories;
	}

	public Optional<Category> category(String id) {
		return this.categories.stream().filter(category -> category.id().equals(id)).findFirst();
	}

	/** All topics, in menu order. */
	public List<Topic> topics() {
		return List.copyOf(this.topics.values());
	}

	public List<Topic> topicsIn(String category) {
		return this.topics.values().stream().filter(topic -> topic.category().equals(category)).toList();
	}

	public Optional<Topic> topic(String id) {
		return Optional.ofNullable(this.topics.get(id));
	}

	public Contacts contacts() {
		return this.contacts;
	}

	public Lexicon lexicon() {
		return this.lexicon;
	}

	/** A rule-change alert, by its id (its file's name in announcements/). */
	public Optional<Announcement> announcement(String id) {
		return Optional.ofNullable(this.announcements.get(id));
	}

	/** The deadlines My dates counts, and how people type dates. */
	public Deadlines deadlines() {
		return this.deadlines;
	}

	/**
	 * The names after {@code prefix.} of the texts under it, in the default language,
	 * sorted: a list maintainers keep as texts (the outcomes of a case).
	 */
	public List<String> textNamesUnder(String prefix) {
		String start = prefix + ".";
		return this.texts.getOrDefault(this.defaultLanguage, Map.of())
			.keySet()
			.stream()
			.filter(key -> key.startsWith(start))
			.map(key -> key.substring(start.length()))
			.sorted()
			.toList();
	}

	/** The raw template of a text, before placeholders are filled. */
	public String template(String language, String key) {
		String template = this.texts.getOrDefault(language, Map.of()).get(key);
		if (template == null) {
			template = this.texts.getOrDefault(this.defaultLanguage, Map.of()).get(key);
		}
		if (template == null) {
			throw new IllegalArgumentException("No text '" + key + "' in language '" + language + "'");
		}
		return template;
	}

	/**
	 * A text of the bot as HTML, for the audience, with {@code params} (plain text)
	 * filled in.
	 */
	public String text(String key, Audience audience, Map<String, String> params) {
		return render(template(audience.language(), key), audience, params);
	}

	public String text(String key, Audience audience) {
		return text(key, audience, Map.of());
	}

	/** A text of the bot as plain text (for button labels). */
	public String plainText(String key, Audience audience, Map<String, String> params) {
		return Html.toPlainText(text(key, audience, params));
	}

	public String plainText(String key, Audience audience) {
		return plainText(key, audience, Map.of());
	}

	/**
	 * Renders a maintainer's text as Telegram HTML: everything escaped, {@code **bold**}
	 * made bold, {@code {name}} replaced by a parameter or by a fact for the audience's
	 * citizenship.
	 */
	public String render(String template, Audience audience, Map<String, String> params) {
		return render(template, audience, params, EVERYONE);
	}

	/**
	 * A topic's text as HTML: its facts only for the citizenships the topic is written
	 * for. A person whose citizenship is outside them reads the values of those it is
	 * written for, each with its countries, never their own value in a sentence about
	 * others.
	 */
	public String render(Topic topic, String template, Audience audience) {
		return render(template, audience, Map.of(), topic.citizenships());
	}

	private String render(String template, Audience audience, Map<String, String> params, Set<Citizenship> scope) {
		// Placeholders become markers first, so that **bold** around a placeholder works
		// and a value can never turn into markup itself.
		Matcher placeholders = PLACEHOLDER.matcher(template);
		List<String> values = new ArrayList<>();
		StringBuilder marked = new StringBuilder(template.length());
		int at = 0;
		while (placeholders.find()) {
			marked.append(template, at, placeholders.start()).append(MARKER).append(values.size()).append(MARKER);
			values.add(Html.escape(value(placeholders.group(1), audience, params, scope).orElse(placeholders.group())));
			at = placeholders.end();
		}
		marked.append(template.substring(at));
		String html = BOLD.matcher(Html.escape(marked.toString())).replaceAll("<b>$1</b>");
		for (int i = 0; i < values.size(); i++) {
			html = html.replace(MARKER + i + MARKER, values.get(i));
		}
		return html.strip();
	}

	private Optional<String> value(String name, Audience audience, Map<String, String> params, Set<Citizenship> scope) {
		if (params.containsKey(name)) {
			return Optional.ofNullable(params.get(name));
		}
		Fact fact = this.facts.get(name);
		if (fact == null) {
			return Optional.empty();
		}
		Optional<Citizenship> citizenship = audience.citizenship().filter(scope::contains);
		if (citizenship.isPresent()) {
			return fact.value(citizenship.get(), audience.language(), LocalDate.now(this.clock));
		}
		return Optional.of(valueForEveryone(fact, audience.language(), scope));
	}

	/**
	 * A fact for someone whose citizenship we do not know, or whom the text is not
	 * written for: the value when it is the same for all in {@code scope}, otherwise each
	 * value with the countries it applies to.
	 */
	private String valueForEveryone(Fact fact, String language, Set<Citizenship> scope) {
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Set<Citizenship>> byValue = new LinkedHashMap<>();
		for (Citizenship citizenship : scope) {
			fact.value(citizenship, language, today)
				.ifPresent(value -> byValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(citizenship));
		}
		if (byValue.size() == 1) {
			return byValue.keySet().iterator().next();
		}
		List<String> parts = new ArrayList<>();
		byValue.forEach((value, citizenships) -> {
			List<String> countries = citizenships.stream()
				.map(citizenship -> Html.toPlainText(template(language, "country." + citizenship.name())))
				.toList();
			parts.add(value + " (" + String.join(", ", countries) + ")");
		});
		return String.join("; ", parts);
	}

	/**
	 * For maintainers: each topic's sources, the facts it shows that expire within
	 * {@code days}, and the status of its texts in every language.
	 */
	public List<TopicStanding> standings(int days) {
		LocalDate horizon = LocalDate.now(this.clock).plusDays(days);
		List<TopicStanding> standings = new ArrayList<>();
		for (Topic topic : this.topics.values()) {
			Map<String, LocalDate> expiring = new TreeMap<>();
			Map<String, TranslationStatus> statuses = new LinkedHashMap<>();
			for (Language language : this.languages) {
				topic.findText(language.code()).ifPresent(text -> {
					statuses.put(language.code(), text.status());
					for (String name : placeholders(text.title() + text.answer() + text.details())) {
						Fact fact = this.facts.get(name);
						if (fact != null && fact.validUntil() != null && !fact.validUntil().isAfter(horizon)) {
							expiring.put(name, fact.validUntil());
						}
					}
				});
			}
			standings.add(new TopicStanding(topic.id(), topic.sources(), expiring, statuses));
		}
		return standings;
	}

	/** The placeholders a template uses. */
	static Set<String> placeholders(String template) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(template);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
