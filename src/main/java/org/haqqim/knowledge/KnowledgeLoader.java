package org.haqqim.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a knowledge directory and checks it: every problem is reported with its file and
 * line, and a {@link KnowledgeBase} is produced only when there is no error. Used at
 * start-up, on reload, by {@code ./haqqim validate} and by the test over the real
 * {@code knowledge/}.
 */
public final class KnowledgeLoader {

	static final int MAX_ANSWER_LENGTH = 900;

	static final int MAX_ID_BYTES = 40;

	static final int REVIEW_WARNING_DAYS = 180;

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d \\-()]{6,20}\\d|\\d{2,4}");

	private static final Pattern URL = Pattern
		.compile("https?://[^\\s/$.?#][^\\s]*\\.[^\\s]+|https?://[\\p{L}\\d.-]+\\.[\\p{L}]+(/\\S*)?");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

	private static final Map<String, Integer> MIN_QUESTIONS = Map.of("uz", 8, "ru", 8);

	private static final int DEFAULT_MIN_QUESTIONS = 5;

	private final Clock clock;

	public KnowledgeLoader(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The outcome of a load: the report, and the knowledge base when there were no
	 * errors.
	 */
	public record Result(ValidationReport report, Optional<KnowledgeBase> knowledge) {
	}

	public Result load(Path directory) {
		return new Run(directory).load();
	}

	public ValidationReport validate(Path directory) {
		return load(directory).report();
	}

	/** One pass over a directory; it collects problems as it goes. */
	private final class Run {

		private final Path directory;

		private final List<Problem> problems = new ArrayList<>();

		private final LocalDate today = LocalDate.now(KnowledgeLoader.this.clock);

		private List<Language> languages = List.of();

		private List<String> writtenLanguages = List.of();

		private Map<String, Integer> textKeyLines = Map.of();

		private final Map<String, Integer> questionLines = new HashMap<>();

		private final Set<String> unreadableFiles = new LinkedHashSet<>();

		Run(Path directory) {
			this.directory = directory;
		}

		Result load() {
			if (!Files.isDirectory(this.directory)) {
				this.problems.add(new Problem(Problem.Severity.ERROR, this.directory.toString(), 0,
						"is not a directory with knowledge files"));
				return new Result(new ValidationReport(this.problems), Optional.empty());
			}
			String defaultLanguage = readLanguages();
			List<Category> categories = readCategories();
			Map<String, Map<String, String>> texts = readTexts();
			Map<String, Fact> facts = readFacts();
			Map<String, Topic> topics = readTopics(categories, facts);
			Contacts contacts = readContacts();
			Lexicon lexicon = readLexicon();
			checkTexts(texts, facts, categories);
			checkQuestionsAreUnique(topics);
			warnAboutDrafts(topics);
			ValidationReport report = new ValidationReport(this.problems);
			if (report.hasErrors()) {
				return new Result(report, Optional.empty());
			}
			return new Result(report, Optional.of(new KnowledgeBase(this.languages, defaultLanguage, categories, topics,
					facts, contacts, texts, lexicon, KnowledgeLoader.this.clock.instant())));
		}

		// --- languages.yaml and categories.yaml
		// ---------------------------------------------------

		private String readLanguages() {
			FileContext file = context("languages.yaml");
			Optional<YamlTree.Mapping> root = read(file, true).flatMap(node -> file.mapping(node, "the file"));
			if (root.isEmpty()) {
				this.languages = RequiredTopics.LANGUAGES.stream()
					.map(code -> new Language(code, code, List.of(), code.equals("uz-Cyrl") ? "uz" : null))
					.toList();
				this.writtenLanguages = this.languages.stream()
					.filter(l -> !l.isGenerated())
					.map(Language::code)
					.toList();
				return "ru";
			}
			List<Language> read = new ArrayList<>();
			YamlTree.Node list = root.get().get("languages");
			if (!(list instanceof YamlTree.Sequence sequence)) {
				file.error(root.get().line(), "'languages' must be a list of languages");
			}
			else {
				for (YamlTree.Node item : sequence.items()) {
					file.mapping(item, "a language").ifPresent(entry -> {
						Optional<String> code = file.string(entry, "code", true);
						Optional<String> name = file.string(entry, "name", true);
						List<String> telegram = file.strings(entry, "telegram-codes", false);
						Optional<String> from = file.string(entry, "generated-from", false);
						if (code.isPresent() && name.isPresent()) {
							read.add(new Language(code.get(), name.get(), telegram, from.orElse(null)));
						}
					});
				}
			}
			Set<String> codes = new LinkedHashSet<>();
			for (Language language : read) {
				if (!codes.add(language.code())) {
					file.error(root.get().line(), "language '" + language.code() + "' is listed twice");
				}
			}
			for (String required : RequiredTopics.LANGUAGES) {
				if (!codes.contains(required)) {
					file.error(root.get().line(), "language '" + required + "' is missing; the bot must speak "
							+ String.join(", ", RequiredTopics.LANGUAGES));
				}
			}
			for (Language language : read) {
				if (language.isGenerated() && !codes.contains(language.generatedFrom())) {
					file.error(root.get().line(), "language '" + language.code() + "' is generated from '"
							+ language.generatedFrom() + "', which is not listed");
				}
			}
			this.languages = read;
			this.writtenLanguages = read.stream().filter(l -> !l.isGenerated()).map(Language::code).toList();
			String defaultLanguage = file.string(root.get(), "default", true).orElse("ru");
			if (!codes.contains(defaultLanguage)) {
				file.error(file.lineAt(root.get(), "default"),
						"default language '" + defaultLanguage + "' is not listed");
			}
			return defaultLanguage;
		}

		private List<Category> readCategories() {
			FileContext file = context("categories.yaml");
			List<Category> categories = new ArrayList<>();
			read(file, true).flatMap(node -> file.mapping(node, "the file")).ifPresent(root -> {
				YamlTree.Node list = root.get("categories");
				if (!(list instanceof YamlTree.Sequence sequence)) {
					file.error(root.line(), "'categories' must be a list of categories");
					return;
				}
				for (YamlTree.Node item : sequence.items()) {
					file.mapping(item, "a category").ifPresent(entry -> {
						Optional<String> id = file.string(entry, "id", true);
						String icon = file.string(entry, "icon", false).orElse("");
						id.filter(value -> checkId(file, entry.line(), "category id", value))
							.ifPresent(value -> categories.add(new Category(value, icon)));
					});
				}
			});
			return categories;
		}

		// --- texts/
		// --------------------------------------------------------------------------------------

		private Map<String, Map<String, String>> readTexts() {
			Map<String, Map<String, String>> texts = new LinkedHashMap<>();
			Map<String, Integer> keyLines = new HashMap<>();
			for (Language language : this.languages) {
				Path path = this.directory.resolve("texts").resolve(language.code() + ".yaml");
				boolean required = !language.isGenerated();
				if (!Files.exists(path)) {
					if (required) {
						context("texts/" + language.code() + ".yaml").error(0, "the texts of language '"
								+ language.code() + "' are missing: copy texts/en.yaml and translate it");
					}
					continue;
				}
				FileContext file = context("texts/" + language.code() + ".yaml");
				read(file, true).flatMap(node -> file.mapping(node, "the file")).ifPresent(root -> {
					file.string(root, "status", required)
						.filter(status -> status(file, root, status) == TranslationStatus.DRAFT)
						.ifPresent(status -> file.warning(file.lineAt(root, "status"),
								"the texts in '" + language.code() + "' are a draft, waiting for a native speaker"));
					Map<String, String> values = new LinkedHashMap<>();
					file.mapping(root, "texts", true).ifPresent(entries -> entries.entries().forEach((key, entry) -> {
						file.string(entry.value(), "text '" + key + "'", true)
							.ifPresent(value -> values.put(key, value));
						keyLines.put(language.code() + "/" + key, entry.keyLine());
					}));
					texts.put(language.code(), values);
				});
			}
			for (Language language : this.languages) {
				if (language.isGenerated()) {
					Map<String, String> generated = new LinkedHashMap<>();
					texts.getOrDefault(language.generatedFrom(), Map.of())
						.forEach((key, value) -> generated.put(key, transliterate(language, value)));
					generated.putAll(texts.getOrDefault(language.code(), Map.of()));
					texts.put(language.code(), generated);
				}
			}
			this.textKeyLines = keyLines;
			return texts;
		}

		private void checkTexts(Map<String, Map<String, String>> texts, Map<String, Fact> facts,
				List<Category> categories) {
			Set<String> allKeys = new LinkedHashSet<>();
			texts.values().forEach(values -> allKeys.addAll(values.keySet()));
			for (Category category : categories) {
				allKeys.add("category." + category.id());
			}
			for (Citizenship citizenship : Citizenship.values()) {
				allKeys.add("country." + citizenship.name());
			}
			String reference = texts.containsKey("en") ? "en" : this.writtenLanguages.stream().findFirst().orElse("en");
			for (String language : this.writtenLanguages) {
				Map<String, String> values = texts.get(language);
				if (values == null) {
					continue;
				}
				FileContext file = context("texts/" + language + ".yaml");
				for (String key : allKeys) {
					if (!values.containsKey(key)) {
						file.error(0, "text '" + key + "' is missing"
								+ (key.startsWith("category.") ? " (the name of a category in categories.yaml)" : ""));
						continue;
					}
					int line = this.textKeyLines.getOrDefault(language + "/" + key, 0);
					Set<String> used = KnowledgeBase.placeholders(values.get(key));
					if (!language.equals(reference) && texts.containsKey(reference)
							&& texts.get(reference).containsKey(key)) {
						Set<String> expected = KnowledgeBase.placeholders(texts.get(reference).get(key));
						if (!used.equals(expected)) {
							file.error(line, "text '" + key + "' uses " + names(used) + " but texts/" + reference
									+ ".yaml uses " + names(expected) + "; keep the same {names}");
						}
					}
					for (String name : used) {
						Fact fact = facts.get(name);
						if (fact != null) {
							for (Citizenship citizenship : Citizenship.values()) {
								if (fact.value(citizenship, language).isEmpty()) {
									file.error(line, "text '" + key + "' uses {" + name + "}, which has no value for "
											+ citizenship + " in '" + language + "'");
								}
							}
						}
					}
				}
			}
		}

		// --- facts/
		// --------------------------------------------------------------------------------------

		private Map<String, Fact> readFacts() {
			Map<String, Fact> facts = new TreeMap<>();
			for (Path path : yamlFiles("facts")) {
				FileContext file = context("facts/" + path.getFileName());
				read(file, path).flatMap(node -> file.mapping(node, "the file"))
					.ifPresent(root -> root.entries().forEach((name, entry) -> {
						if (facts.containsKey(name)) {
							file.error(entry.keyLine(), "fact '" + name + "' is defined twice");
							return;
						}
						file.mapping(entry.value(), "fact '" + name + "'")
							.flatMap(body -> readFact(file, name, body))
							.ifPresent(fact -> facts.put(name, fact));
					}));
			}
			return facts;
		}

		private Optional<Fact> readFact(FileContext file, String name, YamlTree.Mapping body) {
			String description = file.string(body, "description", true).orElse("");
			List<Source> sources = readSources(file, body, false);
			Optional<YamlTree.Mapping> values = file.mapping(body, "values", true);
			if (values.isEmpty()) {
				return Optional.empty();
			}
			Map<Citizenship, Map<String, String>> byCitizenship = new EnumMap<>(Citizenship.class);
			values.get().entries().forEach((key, entry) -> {
				List<Citizenship> citizenships = citizenshipsOf(file, entry.keyLine(), key);
				Map<String, String> byLanguage = factValue(file, name, entry.value());
				for (Citizenship citizenship : citizenships) {
					if (byCitizenship.containsKey(citizenship)) {
						file.error(entry.keyLine(), "fact '" + name + "' has two values for " + citizenship);
					}
					byCitizenship.put(citizenship, byLanguage);
				}
			});
			return Optional.of(new Fact(name, description, sources, byCitizenship));
		}

		private List<Citizenship> citizenshipsOf(FileContext file, int line, String key) {
			if (key.strip().equals("all")) {
				return List.of(Citizenship.values());
			}
			List<Citizenship> citizenships = new ArrayList<>();
			for (String code : key.split(",")) {
				Optional<Citizenship> citizenship = Citizenship.parse(code);
				if (citizenship.isEmpty() || !code.strip().equals(code.strip().toUpperCase(Locale.ROOT))) {
					file.error(line, "'" + code.strip() + "' is not a citizenship; use UZ, KG, TJ, KZ, OTHER or all");
				}
				else {
					citizenships.add(citizenship.get());
				}
			}
			return citizenships;
		}

		private Map<String, String> factValue(FileContext file, String name, YamlTree.Node node) {
			Map<String, String> byLanguage = new LinkedHashMap<>();
			if (node instanceof YamlTree.Scalar) {
				file.string(node, "the value of fact '" + name + "'", true)
					.ifPresent(value -> this.languages.forEach(language -> byLanguage.put(language.code(), value)));
				return byLanguage;
			}
			file.mapping(node, "the value of fact '" + name + "'")
				.ifPresent(perLanguage -> byLanguage.putAll(perLanguage(file, perLanguage, "fact '" + name + "'")));
			return byLanguage;
		}

		// --- topics/
		// -------------------------------------------------------------------------------------

		private Map<String, Topic> readTopics(List<Category> categories, Map<String, Fact> facts) {
			Map<String, Topic> topics = new LinkedHashMap<>();
			Map<String, Integer> relatedLines = new HashMap<>();
			Map<String, FileContext> files = new HashMap<>();
			for (Path path : yamlFiles("topics")) {
				FileContext file = context("topics/" + path.getFileName());
				read(file, path).flatMap(node -> file.mapping(node, "the file"))
					.flatMap(root -> readTopic(file, path, root, categories, facts, relatedLines))
					.ifPresent(topic -> {
						if (topics.containsKey(topic.id())) {
							file.error(1, "topic '" + topic.id() + "' is defined twice");
						}
						topics.put(topic.id(), topic);
						files.put(topic.id(), file);
					});
			}
			for (String required : RequiredTopics.IDS) {
				if (!topics.containsKey(required) && !this.unreadableFiles.contains("topics/" + required + ".yaml")) {
					context("topics/" + required + ".yaml").error(0, "required topic '" + required + "' is missing");
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
			return topics;
		}

		private Optional<Topic> readTopic(FileContext file, Path path, YamlTree.Mapping root, List<Category> categories,
				Map<String, Fact> facts, Map<String, Integer> relatedLines) {
			Optional<String> id = file.string(root, "id", true);
			String expected = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
			id.filter(value -> !value.equals(expected))
				.ifPresent(value -> file.error(file.lineAt(root, "id"),
						"id '" + value + "' differs from the file name; name the file " + value + ".yaml"));
			id.ifPresent(value -> checkId(file, file.lineAt(root, "id"), "topic id", value));
			Optional<String> category = file.string(root, "category", true);
			category.filter(value -> categories.stream().noneMatch(c -> c.id().equals(value)))
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
			List<Source> sources = readSources(file, root, true);
			Optional<YamlTree.Mapping> reviewed = file.mapping(root, "reviewed", true);
			Optional<LocalDate> reviewedOn = reviewed.flatMap(r -> file.date(r, "date", true));
			String reviewedBy = reviewed.flatMap(r -> file.string(r, "by", true)).orElse("");
			reviewedOn.filter(date -> date.isBefore(this.today.minusDays(REVIEW_WARNING_DAYS)))
				.ifPresent(date -> file.warning(file.lineAt(root, "reviewed"),
						"last reviewed on " + date + ", more than " + REVIEW_WARNING_DAYS + " days ago"));
			Map<String, Topic.Text> texts = readTopicTexts(file, root, citizenships, facts);
			if (id.isEmpty() || category.isEmpty() || urgent.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Topic(id.get(), category.get(), urgent.get(), related, citizenships, sources,
					reviewedOn.orElse(null), reviewedBy, texts));
		}

		private Map<String, Topic.Text> readTopicTexts(FileContext file, YamlTree.Mapping root,
				Set<Citizenship> citizenships, Map<String, Fact> facts) {
			Map<String, Topic.Text> texts = new LinkedHashMap<>();
			Optional<YamlTree.Mapping> all = file.mapping(root, "texts", true);
			if (all.isEmpty()) {
				return texts;
			}
			Set<String> known = new LinkedHashSet<>();
			this.languages.forEach(language -> known.add(language.code()));
			all.get().entries().forEach((code, entry) -> {
				if (!known.contains(code)) {
					file.error(entry.keyLine(), "'" + code + "' is not a language in languages.yaml");
				}
			});
			for (Language language : this.languages) {
				if (language.isGenerated()) {
					continue;
				}
				YamlTree.Node node = all.get().get(language.code());
				if (node == null) {
					file.error(all.get().line(), "the texts in '" + language.code() + "' are missing");
					continue;
				}
				file.mapping(node, "texts." + language.code())
					.flatMap(block -> readTopicText(file, language.code(), block, citizenships, facts, true))
					.ifPresent(text -> texts.put(language.code(), text));
			}
			for (Language language : this.languages) {
				if (!language.isGenerated() || !texts.containsKey(language.generatedFrom())) {
					continue;
				}
				Topic.Text source = texts.get(language.generatedFrom());
				Topic.Text generated = new Topic.Text(source.status(), transliterate(language, source.title()),
						transliterate(language, source.answer()), transliterate(language, source.details()),
						source.questions().stream().map(q -> transliterate(language, q)).toList(),
						source.keywords().stream().map(k -> transliterate(language, k)).toList());
				YamlTree.Node override = all.get().get(language.code());
				Topic.Text text = override == null ? generated
						: file.mapping(override, "texts." + language.code())
							.map(block -> overrideText(file, language.code(), block, generated, citizenships, facts))
							.orElse(generated);
				texts.put(language.code(), text);
			}
			return texts;
		}

		private Optional<Topic.Text> readTopicText(FileContext file, String language, YamlTree.Mapping block,
				Set<Citizenship> citizenships, Map<String, Fact> facts, boolean required) {
			TranslationStatus status = file.string(block, "status", required)
				.map(value -> status(file, block, value))
				.orElse(TranslationStatus.DRAFT);
			Optional<String> title = file.string(block, "title", required);
			Optional<String> answer = file.string(block, "answer", required);
			String details = file.string(block, "details", false).orElse("");
			List<String> questions = file.strings(block, "questions", required);
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
						"the " + language + " answer is " + text.length()
								+ " characters; it must fit one phone screen (" + MAX_ANSWER_LENGTH
								+ " at most): move the rest to 'details'"));
			int minimum = MIN_QUESTIONS.getOrDefault(language, DEFAULT_MIN_QUESTIONS);
			if (required && questions.size() < minimum) {
				file.error(file.keyLine(block, "questions"), "at least " + minimum
						+ " example questions are needed in '" + language + "', found " + questions.size());
			}
			checkPlaceholders(file, block, language, citizenships, facts);
			if (title.isEmpty() || answer.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Topic.Text(status, title.get(), answer.get(), details, questions, keywords));
		}

		private Topic.Text overrideText(FileContext file, String language, YamlTree.Mapping block, Topic.Text base,
				Set<Citizenship> citizenships, Map<String, Fact> facts) {
			TranslationStatus status = file.string(block, "status", false)
				.map(value -> status(file, block, value))
				.orElse(base.status());
			String title = file.string(block, "title", false).orElse(base.title());
			String answer = file.string(block, "answer", false).orElse(base.answer());
			String details = file.string(block, "details", false).orElse(base.details());
			List<String> questions = block.get("questions") == null ? base.questions()
					: file.strings(block, "questions", false);
			List<String> keywords = block.get("keywords") == null ? base.keywords()
					: file.strings(block, "keywords", false);
			checkPlaceholders(file, block, language, citizenships, facts);
			return new Topic.Text(status, title, answer, details, questions, keywords);
		}

		/**
		 * Checks the facts used in a block's texts, each once, at the line of the first
		 * field using it.
		 */
		private void checkPlaceholders(FileContext file, YamlTree.Mapping block, String language,
				Set<Citizenship> citizenships, Map<String, Fact> facts) {
			Set<String> checked = new LinkedHashSet<>();
			for (String field : List.of("title", "answer", "details")) {
				YamlTree.Node node = block.get(field);
				String text = (node instanceof YamlTree.Scalar scalar && scalar.text() != null) ? scalar.text() : "";
				for (String name : KnowledgeBase.placeholders(text)) {
					if (!checked.add(name)) {
						continue;
					}
					int line = file.lineAt(block, field);
					Fact fact = facts.get(name);
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

		// --- contacts.yaml
		// -------------------------------------------------------------------------------

		private Contacts readContacts() {
			FileContext file = context("contacts.yaml");
			Optional<YamlTree.Mapping> root = read(file, true).flatMap(node -> file.mapping(node, "the file"));
			if (root.isEmpty()) {
				return new Contacts(Map.of(), List.of());
			}
			Map<String, Contacts.City> cities = new LinkedHashMap<>();
			file.mapping(root.get(), "cities", true).ifPresent(all -> all.entries().forEach((id, entry) -> {
				checkId(file, entry.keyLine(), "city id", id);
				file.mapping(entry.value(), "city '" + id + "'").ifPresent(city -> {
					Optional<Contacts.Coordinates> coordinates = coordinates(file, city);
					Map<String, String> names = file.mapping(city, "names", true)
						.map(map -> perLanguage(file, map, "the names of city '" + id + "'"))
						.orElse(Map.of());
					cities.put(id, new Contacts.City(id, coordinates, names));
				});
			}));
			List<Contacts.Office> offices = new ArrayList<>();
			Set<String> ids = new LinkedHashSet<>();
			YamlTree.Node list = root.get().get("offices");
			if (!(list instanceof YamlTree.Sequence sequence)) {
				file.error(root.get().line(), "'offices' must be a list of offices");
				return new Contacts(cities, offices);
			}
			for (YamlTree.Node item : sequence.items()) {
				file.mapping(item, "an office")
					.flatMap(office -> readOffice(file, office, cities))
					.ifPresent(office -> {
						if (!ids.add(office.id())) {
							file.error(item.line(), "office id '" + office.id() + "' is used twice");
						}
						offices.add(office);
					});
			}
			return new Contacts(cities, offices);
		}

		private Optional<Contacts.Office> readOffice(FileContext file, YamlTree.Mapping office,
				Map<String, Contacts.City> cities) {
			Optional<String> id = file.string(office, "id", true);
			id.ifPresent(value -> checkId(file, office.line(), "office id", value));
			Optional<String> country = file.string(office, "country", true);
			country.filter(value -> !List.of("UZ", "KG", "TJ", "KZ", "RU").contains(value))
				.ifPresent(value -> file.error(file.lineAt(office, "country"),
						"country '" + value + "' must be UZ, KG, TJ, KZ or RU"));
			Optional<Contacts.OfficeKind> kind = file.string(office, "kind", true).flatMap(value -> {
				Optional<Contacts.OfficeKind> parsed = Contacts.OfficeKind.parse(value);
				if (parsed.isEmpty()) {
					file.error(file.lineAt(office, "kind"), "kind '" + value + "' must be one of embassy, consulate, "
							+ "migration-agency, labour-ministry, emergency, ngo");
				}
				return parsed;
			});
			Optional<String> city = file.string(office, "city", true);
			city.filter(value -> !cities.containsKey(value))
				.ifPresent(value -> file.error(file.lineAt(office, "city"), "city '" + value + "' is not in 'cities'"));
			Map<String, String> names = file.mapping(office, "names", true)
				.map(map -> perLanguage(file, map, "the names of office '" + id.orElse("?") + "'"))
				.orElse(Map.of());
			String address = file.string(office, "address", false).orElse("");
			List<String> phones = file.strings(office, "phones", false);
			for (String phone : phones) {
				if (!PHONE.matcher(phone).matches()) {
					file.error(file.lineAt(office, "phones"), "phone '" + phone
							+ "' is malformed: write +7 and the number (spaces and dashes are fine), or a short number such as 112");
				}
			}
			Optional<String> email = file.string(office, "email", false);
			email.filter(value -> !EMAIL.matcher(value).matches())
				.ifPresent(value -> file.error(file.lineAt(office, "email"), "e-mail '" + value + "' is malformed"));
			Optional<String> website = file.string(office, "website", false);
			website.filter(value -> !URL.matcher(value).matches())
				.ifPresent(value -> file.error(file.lineAt(office, "website"),
						"website '" + value + "' is malformed: write the whole address, starting with https://"));
			Map<String, String> hours = file.mapping(office, "hours", false)
				.map(map -> perLanguage(file, map, "the hours of office '" + id.orElse("?") + "'"))
				.orElse(Map.of());
			Optional<YamlTree.Mapping> sourceNode = file.mapping(office, "source", true);
			Optional<Source> source = sourceNode.flatMap(node -> readSource(file, node));
			Optional<Contacts.Reliability> reliability = sourceNode
				.flatMap(node -> file.string(node, "reliability", true))
				.flatMap(value -> {
					Optional<Contacts.Reliability> parsed = Contacts.Reliability.parse(value);
					if (parsed.isEmpty()) {
						file.error(sourceNode.get().line(),
								"reliability '" + value + "' must be confirmed, single-source or weak");
					}
					return parsed;
				});
			Optional<LocalDate> verified = file.date(office, "verified", true);
			if (reliability.isPresent() && reliability.get() == Contacts.Reliability.WEAK) {
				file.warning(office.line(), "office '" + id.orElse("?")
						+ "' rests on a weak source; the bot shows it with a 'check before you go' warning");
			}
			if (id.isEmpty() || country.isEmpty() || kind.isEmpty() || city.isEmpty() || source.isEmpty()
					|| reliability.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Contacts.Office(id.get(), country.get(), kind.get(), city.get(), names, address,
					phones, email.orElse(null), website.orElse(null), hours, source.get(), reliability.get(),
					verified.orElse(null)));
		}

		private Optional<Contacts.Coordinates> coordinates(FileContext file, YamlTree.Mapping city) {
			YamlTree.Node node = city.get("coordinates");
			if (node == null) {
				return Optional.empty();
			}
			List<String> values = file.strings(node, "'coordinates'");
			try {
				if (values.size() == 2) {
					double latitude = Double.parseDouble(values.get(0));
					double longitude = Double.parseDouble(values.get(1));
					if (Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
						return Optional.of(new Contacts.Coordinates(latitude, longitude));
					}
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			file.error(node.line(), "'coordinates' must be [latitude, longitude], such as [55.7558, 37.6173]");
			return Optional.empty();
		}

		// --- matching/
		// -----------------------------------------------------------------------------------

		private Lexicon readLexicon() {
			List<List<String>> groups = new ArrayList<>();
			FileContext synonyms = context("matching/synonyms.yaml");
			read(synonyms, true).flatMap(node -> synonyms.mapping(node, "the file")).ifPresent(root -> {
				YamlTree.Node list = root.get("groups");
				if (!(list instanceof YamlTree.Sequence sequence)) {
					synonyms.error(root.line(), "'groups' must be a list of word lists");
					return;
				}
				Map<String, Integer> groupOfWord = new HashMap<>();
				for (YamlTree.Node item : sequence.items()) {
					List<String> group = synonyms.strings(item, "a synonym group");
					if (group.size() < 2) {
						synonyms.error(item.line(), "a synonym group needs at least two words");
						continue;
					}
					for (String word : group) {
						Integer other = groupOfWord.putIfAbsent(QuestionKey.of(word), item.line());
						if (other != null && other != item.line()) {
							synonyms.error(item.line(), "'" + word + "' is also in the group at line " + other
									+ " (ignoring case, apostrophes and script); a word belongs to one group");
						}
					}
					groups.add(group);
				}
			});
			FileContext urgency = context("matching/urgency.yaml");
			Optional<YamlTree.Mapping> urgencyRoot = read(urgency, true)
				.flatMap(node -> urgency.mapping(node, "the file"));
			Lexicon.UrgencyWords urgencyWords = new Lexicon.UrgencyWords(
					urgencyList(urgency, urgencyRoot, "signals", true),
					urgencyList(urgency, urgencyRoot, "strong-signals", false),
					urgencyList(urgency, urgencyRoot, "personal", false),
					urgencyList(urgency, urgencyRoot, "general", false),
					urgencyList(urgency, urgencyRoot, "now", false),
					urgencyList(urgency, urgencyRoot, "general-endings", false),
					urgencyList(urgency, urgencyRoot, "if-words", false),
					urgencyList(urgency, urgencyRoot, "past-endings", false),
					urgencyList(urgency, urgencyRoot, "over", false));
			FileContext common = context("matching/common-words.yaml");
			Map<String, List<String>> commonWords = read(common, true).flatMap(node -> common.mapping(node, "the file"))
				.map(root -> wordLists(common, root, "words", true))
				.orElse(Map.of());
			FileContext smallTalk = context("matching/small-talk.yaml");
			Optional<YamlTree.Mapping> smallTalkRoot = read(smallTalk, true)
				.flatMap(node -> smallTalk.mapping(node, "the file"));
			Map<String, List<String>> greetings = smallTalkRoot
				.map(root -> wordLists(smallTalk, root, "greetings", true))
				.orElse(Map.of());
			Map<String, List<String>> thanks = smallTalkRoot.map(root -> wordLists(smallTalk, root, "thanks", true))
				.orElse(Map.of());
			return new Lexicon(groups, urgencyWords, commonWords, greetings, thanks);
		}

		private Map<String, List<String>> urgencyList(FileContext file, Optional<YamlTree.Mapping> root, String key,
				boolean required) {
			return root.map(mapping -> wordLists(file, mapping, key, required)).orElse(Map.of());
		}

		private Map<String, List<String>> wordLists(FileContext file, YamlTree.Mapping root, String key,
				boolean required) {
			Map<String, List<String>> lists = new LinkedHashMap<>();
			file.mapping(root, key, required).ifPresent(byLanguage -> byLanguage.entries().forEach((code, entry) -> {
				if (this.languages.stream().noneMatch(language -> language.code().equals(code))) {
					file.error(entry.keyLine(), "'" + code + "' is not a language in languages.yaml");
				}
				lists.put(code, file.strings(entry.value(), "'" + key + "." + code + "'"));
			}));
			return lists;
		}

		// --- checks across files
		// -------------------------------------------------------------------------

		private void checkQuestionsAreUnique(Map<String, Topic> topics) {
			Map<String, String> owner = new HashMap<>();
			for (Topic topic : topics.values()) {
				for (String language : this.writtenLanguages) {
					topic.findText(language).ifPresent(text -> text.questions().forEach(question -> {
						String key = QuestionKey.of(question);
						String other = key.isEmpty() ? null : owner.putIfAbsent(key, topic.id());
						if (other != null && !other.equals(topic.id())) {
							String file = "topics/" + topic.id() + ".yaml";
							context(file).error(
									this.questionLines.getOrDefault(file + "|" + language + "|" + question, 0),
									"the " + language + " question '" + question + "' is also a question of topic '"
											+ other
											+ "' (ignoring case, apostrophes and script); keep it under one topic");
						}
					}));
				}
			}
		}

		private void warnAboutDrafts(Map<String, Topic> topics) {
			for (Language language : this.languages) {
				if (language.isGenerated()) {
					continue;
				}
				List<String> drafts = topics.values()
					.stream()
					.filter(topic -> topic.findText(language.code())
						.map(text -> text.status() == TranslationStatus.DRAFT)
						.orElse(false))
					.map(Topic::id)
					.toList();
				if (!drafts.isEmpty()) {
					context("topics/").warning(0, "'" + language.code() + "' is a draft in " + drafts.size()
							+ " topic(s), waiting for a native speaker: " + String.join(", ", drafts));
				}
			}
		}

		// --- shared pieces
		// -------------------------------------------------------------------------------

		private Map<String, String> perLanguage(FileContext file, YamlTree.Mapping map, String what) {
			Map<String, String> values = new LinkedHashMap<>();
			map.entries().forEach((code, entry) -> {
				if (this.languages.stream().noneMatch(language -> language.code().equals(code))) {
					file.error(entry.keyLine(), "'" + code + "' in " + what + " is not a language in languages.yaml");
				}
				file.string(entry.value(), what + " in '" + code + "'", true)
					.ifPresent(value -> values.put(code, value));
			});
			for (String code : this.writtenLanguages) {
				if (!values.containsKey(code)) {
					file.error(map.line(), what + " has no text in '" + code + "'");
				}
			}
			for (Language language : this.languages) {
				if (language.isGenerated() && !values.containsKey(language.code())
						&& values.containsKey(language.generatedFrom())) {
					values.put(language.code(), transliterate(language, values.get(language.generatedFrom())));
				}
			}
			return values;
		}

		private List<Source> readSources(FileContext file, YamlTree.Mapping parent, boolean required) {
			YamlTree.Node node = parent.get("sources");
			if (node == null || !(node instanceof YamlTree.Sequence sequence) || sequence.items().isEmpty()) {
				if (required) {
					file.error(parent.line(), "'sources' is missing: every topic names at least one source");
				}
				else if (node != null && !(node instanceof YamlTree.Sequence)) {
					file.error(node.line(), "'sources' must be a list of sources");
				}
				return List.of();
			}
			List<Source> sources = new ArrayList<>();
			for (YamlTree.Node item : sequence.items()) {
				file.mapping(item, "a source").flatMap(source -> readSource(file, source)).ifPresent(sources::add);
			}
			return sources;
		}

		private Optional<Source> readSource(FileContext file, YamlTree.Mapping source) {
			Optional<String> title = file.string(source, "title", true);
			Optional<String> url = file.string(source, "url", false);
			url.filter(value -> !URL.matcher(value).matches())
				.ifPresent(value -> file.error(file.lineAt(source, "url"),
						"URL '" + value + "' is malformed: write the whole address, starting with https://"));
			Optional<LocalDate> date = file.date(source, "date", true);
			if (title.isEmpty() || date.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Source(title.get(), url.orElse(null), date.get()));
		}

		private TranslationStatus status(FileContext file, YamlTree.Mapping block, String value) {
			return switch (value) {
				case "draft" -> TranslationStatus.DRAFT;
				case "reviewed" -> TranslationStatus.REVIEWED;
				default -> {
					file.error(file.lineAt(block, "status"), "status '" + value + "' must be draft or reviewed");
					yield TranslationStatus.DRAFT;
				}
			};
		}

		private boolean checkId(FileContext file, int line, String what, String id) {
			if (!ID.matcher(id).matches()) {
				file.error(line, what + " '" + id + "' may use only a-z, 0-9 and '-'");
				return false;
			}
			if (id.length() > MAX_ID_BYTES) {
				file.error(line, what + " '" + id + "' is " + id.length() + " characters; at most " + MAX_ID_BYTES
						+ ", so that button data stays within Telegram's 64 bytes");
				return false;
			}
			return true;
		}

		private String transliterate(Language language, String text) {
			if (text == null || text.isEmpty()) {
				return text;
			}
			return "uz-Cyrl".equals(language.code()) ? UzbekScript.toCyrillic(text) : text;
		}

		private static String names(Set<String> names) {
			return names.isEmpty() ? "no {names}" : String.join(" ", names.stream().map(n -> "{" + n + "}").toList());
		}

		private FileContext context(String file) {
			return new FileContext(file, this.problems);
		}

		private List<Path> yamlFiles(String folder) {
			Path path = this.directory.resolve(folder);
			if (!Files.isDirectory(path)) {
				return List.of();
			}
			try (Stream<Path> files = Files.list(path)) {
				return files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
			}
			catch (IOException ex) {
				context(folder).error(0, "cannot be read: " + ex.getMessage());
				return List.of();
			}
		}

		private Optional<YamlTree.Node> read(FileContext file, boolean required) {
			Path path = this.directory.resolve(file.file());
			if (!Files.exists(path)) {
				if (required) {
					file.error(0, "the file is missing");
				}
				return Optional.empty();
			}
			return read(file, path);
		}

		private Optional<YamlTree.Node> read(FileContext file, Path path) {
			try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
				return Optional.of(YamlTree.parse(reader));
			}
			catch (YamlTree.SyntaxError ex) {
				this.unreadableFiles.add(file.file());
				file.error(ex.line(), ex.getMessage() + " (check the quotes and the indentation)");
			}
			catch (MalformedInputException ex) {
				file.error(0, "the file is not UTF-8 text; save it as UTF-8");
			}
			catch (IOException ex) {
				file.error(0, "cannot be read: " + ex.getMessage());
			}
			return Optional.empty();
		}

	}

}
