package org.haqqim.knowledge;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What no single file can tell: every text in every written language with the same
 * {@code {names}}, facts that have a value wherever a text uses them, an example question
 * under one topic only, and which languages are still drafts.
 */
final class CrossFileChecks {

	private final KnowledgeDirectory directory;

	private final Languages languages;

	private CrossFileChecks(KnowledgeDirectory directory, Languages languages) {
		this.directory = directory;
		this.languages = languages;
	}

	static void check(KnowledgeDirectory directory, Languages languages, List<Category> categories,
			TextFiles.Texts texts, Map<String, Fact> facts, TopicFiles.Topics topics) {
		CrossFileChecks checks = new CrossFileChecks(directory, languages);
		checks.textsAreComplete(texts, facts, categories);
		checks.questionsAreUnique(topics);
		checks.warnAboutDrafts(topics.byId());
	}

	/**
	 * Every key in every written language, with the {@code {names}} of the reference
	 * language, and facts that have a value for everyone the text is shown to.
	 */
	private void textsAreComplete(TextFiles.Texts texts, Map<String, Fact> facts, List<Category> categories) {
		Map<String, Map<String, String>> byLanguage = texts.byLanguage();
		Set<String> allKeys = new LinkedHashSet<>();
		byLanguage.values().forEach(values -> allKeys.addAll(values.keySet()));
		for (Category category : categories) {
			allKeys.add("category." + category.id());
		}
		for (Citizenship citizenship : Citizenship.values()) {
			allKeys.add("country." + citizenship.name());
		}
		List<String> written = this.languages.written();
		String reference = byLanguage.containsKey("en") ? "en" : written.stream().findFirst().orElse("en");
		for (String language : written) {
			Map<String, String> values = byLanguage.get(language);
			if (values == null) {
				continue;
			}
			YamlFields file = this.directory.file("texts/" + language + ".yaml");
			for (String key : allKeys) {
				if (!values.containsKey(key)) {
					file.error(0, "text '" + key + "' is missing"
							+ (key.startsWith("category.") ? " (the name of a category in categories.yaml)" : ""));
					continue;
				}
				int line = texts.line(language, key);
				Set<String> used = KnowledgeBase.placeholders(values.get(key));
				if (!language.equals(reference) && byLanguage.containsKey(reference)
						&& byLanguage.get(reference).containsKey(key)) {
					Set<String> expected = KnowledgeBase.placeholders(byLanguage.get(reference).get(key));
					if (!used.equals(expected)) {
						file.error(line, "text '" + key + "' uses " + names(used) + " but texts/" + reference
								+ ".yaml uses " + names(expected) + "; keep the same {names}");
					}
				}
				for (String name : used) {
					Fact fact = facts.get(name);
					if (fact == null) {
						continue;
					}
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

	/** An example question under two topics would teach the matcher both. */
	private void questionsAreUnique(TopicFiles.Topics topics) {
		Map<String, String> owner = new HashMap<>();
		for (Topic topic : topics.byId().values()) {
			for (String language : this.languages.written()) {
				topic.findText(language).ifPresent(text -> text.questions().forEach(question -> {
					String key = QuestionKey.of(question);
					String other = key.isEmpty() ? null : owner.putIfAbsent(key, topic.id());
					if (other != null && !other.equals(topic.id())) {
						String file = "topics/" + topic.id() + ".yaml";
						this.directory.file(file)
							.error(topics.line(file, language, question),
									"the " + language + " question '" + question + "' is also a question of topic '"
											+ other
											+ "' (ignoring case, apostrophes and script); keep it under one topic");
					}
				}));
			}
		}
	}

	private void warnAboutDrafts(Map<String, Topic> topics) {
		for (String language : this.languages.all().stream().map(Language::code).toList()) {
			List<String> drafts = topics.values()
				.stream()
				.filter(topic -> topic.findText(language)
					.map(text -> text.status() == TranslationStatus.DRAFT)
					.orElse(false))
				.map(Topic::id)
				.toList();
			if (!drafts.isEmpty()) {
				this.directory.file("topics/")
					.warning(0, "'" + language + "' is a draft in " + drafts.size()
							+ " topic(s), waiting for a native speaker: " + String.join(", ", drafts));
			}
		}
	}

	private static String names(Set<String> names) {
		return names.isEmpty() ? "no {names}" : String.join(" ", names.stream().map(n -> "{" + n + "}").toList());
	}

}
