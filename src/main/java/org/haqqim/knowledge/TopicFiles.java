package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code topics/<id>.yaml}: one topic each, its answer in every language, its example
 * questions, its sources and when it was last reviewed.
 */
final class TopicFiles {

	/** An answer must fit one phone screen; the rest goes to "details". */
	static final int MAX_ANSWER_LENGTH = 900;

	static final int REVIEW_WARNING_DAYS = 180;

	/**
	 * The matcher learns a topic from its examples: the languages most people write need
	 * the most.
	 */
	private static final Map<String, Integer> MIN_QUESTIONS = Map.of("uz", 8, "ru", 8);

	private static final int DEFAULT_MIN_QUESTIONS = 5;

	private final KnowledgeDirectory directory;

	private final Languages languages;

	private final List<Category> categories;

	private final Map<String, Fact> facts;

	private final LocalDate today;

	private final Map<String, Integer> questionLines = new HashMap<>();

	private TopicFiles(KnowledgeDirectory directory, Languages languages, List<Category> categories,
			Map<String, Fact> facts, LocalDate today) {
		this.directory = directory;
		this.languages = languages;
		this.categories = categories;
		this.facts = facts;
		this.today = today;
	}

	/**
	 * The topics, by id, in the order of their files.
	 *
	 * @param questionLines the line of each example question, by
	 * {@code file|language|question}, for the checks across topics
	 */
	record Topics(Map<String, Topic> byId, Map<String, Integer> questionLines) {

		int line(String file, String language, String question) {
			return this.questionLines.getOrDefault(file + "|" + language + "|" + question, 0);
		}

	}

	static Topics read(KnowledgeDirectory directory, Languages languages, List<Category> categories,
			Map<String, Fact> facts, LocalDate today) {
		return new TopicFiles(directory, languages, categories, facts, today).readAll();
	}

	private Topics readAll() {
		Map<String, Topic> topics = new LinkedHashMap<>();
		Map<String, Integer> relatedLines = new HashMap<>();
		Map<String, YamlFields> files = new HashMap<>();
		for (String path : this.directory.yamlFiles("topics")) {
			YamlFields file = this.directory.file(path);
			this.directory.mapping(file, false)
				.flatMap(root -> topic(file, path, root, relatedLines))
				.ifPresent(topic -> {
					if (topics.containsKey(topic.id())) {
						file.error(1, "topic '" + topic.id() + "' is defined twice");
					}
					topics.put(topic.id(), topic);
					files.put(topic.id(), file);
				});
		}
		for (String required : KnowledgeContract.TOPIC_IDS) {
			String path = "topics/" + required + ".yaml";
			if (!topics.containsKey(required) && !this.directory.isUnreadable(path)) {
				this.directory.file(path).error(0, "required topic '" + required + "' is missing");
			}
		}
		for (Topic topic : topics.values()) {
			for (String related : topic.related()) {
				if (!topics.containsKey(related)) {
					files.get(topic.id())
						.error(relatedLines.getOrDefault(topic.id(), 0),
								"related topic '" + related + "' does not exist");
				}
			}
		}
		return new Topics(topics, this.questionLines);
	}

	private Optional<Topic> topic(YamlFields file, String path, YamlTree.Mapping root,
			Map<String, Integer> relatedLines) {
		Optional<String> id = file.string(root, "id", true);
		String expected = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
		id.filter(value -> !value.equals(expected))
			.ifPresent(value -> file.error(file.lineAt(root, "id"),
					"id '" + value + "' differs from the file name; name the file " + value + ".yaml"));
		id.ifPresent(value -> file.id(file.lineAt(root, "id"), "topic id", value));
		Optional<String> category = file.string(root, "category", true);
		category.filter(value -> this.categories.stream().noneMatch(c -> c.id().equals(value)))
			.ifPresent(value -> file.error(file.lineAt(root, "category"),
					"category '" + value + "' is not in categories.yaml"));
		Optional<Boolean> urgent = file.bool(root, "urgent", true);
		List<String> related = file.strings(root, "related", false);
		relatedLines.put(id.orElse(expected), file.lineAt(root, "related"));
		Set<Citizenship> citizenships = new LinkedHashSet<>();
		for (String code : file.strings(root, "citizenships", true)) {
			Citizenship.parse(code)
				.ifPresentOrElse(citizenships::add, () -> file.error(file.lineAt(root, "citizenships"),
						"'" + code + "' is not a citizenship; use UZ, KG, TJ, KZ or OTHER"));
		}
		List<Source> sources = file.sources(root, true);
		Optional<YamlTree.Mapping> reviewed = file.mapping(root, "reviewed", true);
		Optional<LocalDate> reviewedOn = reviewed.flatMap(r -> file.date(r, "date", true));
		String reviewedBy = reviewed.flatMap(r -> file.string(r, "by", true)).orElse("");
		reviewedOn.filter(date -> date.isBefore(this.today.minusDays(REVIEW_WARNING_DAYS)))
			.ifPresent(date -> file.warning(file.lineAt(root, "reviewed"),
					"last reviewed on " + date + ", more than " + REVIEW_WARNING_DAYS + " days ago"));
		Map<String, Topic.Text> texts = texts(file, root, citizenships);
		if (id.isEmpty() || category.isEmpty() || urgent.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Topic(id.get(), category.get(), urgent.get(), related, citizenships, sources,
				reviewedOn.orElse(null), reviewedBy, texts));
	}

	/**
	 * The texts of every written language, then the generated ones, with what their
	 * blocks override.
	 */
	private Map<String, Topic.Text> texts(YamlFields file, YamlTree.Mapping root, Set<Citizenship> citizenships) {
		Map<String, Topic.Text> texts = new LinkedHashMap<>();
		Optional<YamlTree.Mapping> all = file.mapping(root, "texts", true);
		if (all.isEmpty()) {
			return texts;
		}
		all.get().entries().forEach((code, entry) -> {
			if (!this.languages.isKnown(code)) {
				file.error(entry.keyLine(), "'" + code + "' is not a language in languages.yaml");
			}
		});
		for (String language : this.languages.written()) {
			YamlTree.Node node = all.get().get(language);
			if (node == null) {
				file.error(all.get().line(), "the texts in '" + language + "' are missing");
				continue;
			}
			file.mapping(node, "texts." + language)
				.flatMap(block -> text(file, language, block, citizenships))
				.ifPresent(text -> texts.put(language, text));
		}
		for (Language language : this.languages.generated()) {
			if (!texts.containsKey(language.generatedFrom())) {
				continue;
			}
			Topic.Text generated = transliterated(language, texts.get(language.generatedFrom()));
			YamlTree.Node override = all.get().get(language.code());
			Topic.Text text = override == null ? generated
					: file.mapping(override, "texts." + language.code())
						.map(block -> overridden(file, language.code(), block, generated, citizenships))
						.orElse(generated);
			texts.put(language.code(), text);
		}
		return texts;
	}

	private Optional<Topic.Text> text(YamlFields file, String language, YamlTree.Mapping block,
			Set<Citizenship> citizenships) {
		TranslationStatus status = file.string(block, "status", true)
			.map(value -> file.status(block, value))
			.orElse(TranslationStatus.DRAFT);
		Optional<String> title = file.string(block, "title", true);
		Optional<String> answer = file.string(block, "answer", true);
		String details = file.string(block, "details", false).orElse("");
		List<String> questions = file.strings(block, "questions", true);
		if (block.get("questions") instanceof YamlTree.Sequence sequence) {
			sequence.items()
				.stream()
				.filter(item -> item instanceof YamlTree.Scalar scalar && scalar.text() != null)
				.forEach(item -> this.questionLines.putIfAbsent(
						file.file() + "|" + language + "|" + ((YamlTree.Scalar) item).text().strip(), item.line()));
		}
		List<String> keywords = file.strings(block, "keywords", false);
		answer.filter(text -> text.length() > MAX_ANSWER_LENGTH)
			.ifPresent(text -> file.error(file.lineAt(block, "answer"),
					"the " + language + " answer is " + text.length() + " characters; it must fit one phone screen ("
							+ MAX_ANSWER_LENGTH + " at most): move the rest to 'details'"));
		int minimum = MIN_QUESTIONS.getOrDefault(language, DEFAULT_MIN_QUESTIONS);
		if (questions.size() < minimum) {
			file.error(file.keyLine(block, "questions"), "at least " + minimum + " example questions are needed in '"
					+ language + "', found " + questions.size());
		}
		checkFacts(file, block, language, citizenships);
		if (title.isEmpty() || answer.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Topic.Text(status, title.get(), answer.get(), details, questions, keywords));
	}

	private Topic.Text transliterated(Language language, Topic.Text source) {
		return new Topic.Text(this.languages.generatedStatus(language, source.status()),
				this.languages.transliterate(language, source.title()),
				this.languages.transliterate(language, source.answer()),
				this.languages.transliterate(language, source.details()),
				source.questions().stream().map(q -> this.languages.transliterate(language, q)).toList(),
				source.keywords().stream().map(k -> this.languages.transliterate(language, k)).toList());
	}

	/** A generated text with the fields its own block writes. */
	private Topic.Text overridden(YamlFields file, String language, YamlTree.Mapping block, Topic.Text base,
			Set<Citizenship> citizenships) {
		TranslationStatus status = file.string(block, "status", false)
			.map(value -> file.status(block, value))
			.orElse(base.status());
		String title = file.string(block, "title", false).orElse(base.title());
		String answer = file.string(block, "answer", false).orElse(base.answer());
		String details = file.string(block, "details", false).orElse(base.details());
		List<String> questions = block.get("questions") == null ? base.questions()
				: file.strings(block, "questions", false);
		List<String> keywords = block.get("keywords") == null ? base.keywords()
				: file.strings(block, "keywords", false);
		checkFacts(file, block, language, citizenships);
		return new Topic.Text(status, title, answer, details, questions, keywords);
	}

	/**
	 * The facts a block's texts use, each checked once, at the line of the first field
	 * using it: it must exist and have a value for every citizenship the topic is for.
	 */
	private void checkFacts(YamlFields file, YamlTree.Mapping block, String language, Set<Citizenship> citizenships) {
		Set<String> checked = new LinkedHashSet<>();
		for (String field : List.of("title", "answer", "details")) {
			YamlTree.Node node = block.get(field);
			String text = (node instanceof YamlTree.Scalar scalar && scalar.text() != null) ? scalar.text() : "";
			for (String name : KnowledgeBase.placeholders(text)) {
				if (!checked.add(name)) {
					continue;
				}
				int line = file.lineAt(block, field);
				Fact fact = this.facts.get(name);
				if (fact == null) {
					file.error(line, "{" + name + "} in '" + language + "' is not a fact in facts/");
					continue;
				}
				for (Citizenship citizenship : citizenships) {
					if (fact.value(citizenship, language).isEmpty()) {
						file.error(line, "{" + name + "} has no value for " + citizenship + " in '" + language
								+ "'; add it to the fact");
					}
				}
			}
		}
	}

}
