package org.haqqim.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code glossary.yaml}: one word for one thing in each language, so that a frightened
 * reader never wonders whether two words mean two things. The validator fails on a word
 * the glossary rules out in any title, answer, details, text, contact name or fact of
 * that language; the questions and keywords people type are left alone.
 */
final class Glossary {

	static final String FILE = "glossary.yaml";

	/**
	 * A term and the words that must not stand in for it.
	 *
	 * @param means what it names, in English, for maintainers
	 */
	record Term(String language, String means, String use, List<String> not, List<Pattern> patterns) {
	}

	private final List<Term> terms;

	private Glossary(List<Term> terms) {
		this.terms = List.copyOf(terms);
	}

	static Glossary read(KnowledgeDirectory directory, Languages languages) {
		List<Term> terms = new ArrayList<>();
		if (!directory.exists(FILE)) {
			return new Glossary(terms);
		}
		YamlFields file = directory.file(FILE);
		directory.mapping(file, false).ifPresent(root -> root.entries().forEach((language, entry) -> {
			if (!languages.written().contains(language)) {
				file.error(entry.keyLine(), "'" + language + "' is not a language maintainers write");
				return;
			}
			if (!(entry.value() instanceof YamlTree.Sequence sequence)) {
				file.error(entry.keyLine(), "the terms of '" + language + "' must be a list");
				return;
			}
			for (YamlTree.Node item : sequence.items()) {
				file.mapping(item, "a term").flatMap(term -> term(file, language, term)).ifPresent(terms::add);
			}
		}));
		return new Glossary(terms);
	}

	private static Optional<Term> term(YamlFields file, String language, YamlTree.Mapping term) {
		Optional<String> means = file.string(term, "means", true);
		Optional<String> use = file.string(term, "use", true);
		List<String> not = file.strings(term, "not", true);
		if (means.isEmpty() || use.isEmpty() || not.isEmpty()) {
			return Optional.empty();
		}
		List<Pattern> patterns = not.stream()
			.map(word -> Pattern.compile("(?<![\\p{L}\\p{M}])" + Pattern.quote(word.toLowerCase(Locale.ROOT))))
			.toList();
		return Optional.of(new Term(language, means.get(), use.get(), not, patterns));
	}

	/**
	 * Records an error for every word the glossary rules out in {@code text}, a text of
	 * {@code language} at {@code where}.
	 */
	private void check(YamlFields file, int line, String where, String language, String text) {
		if (text == null || text.isEmpty()) {
			return;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		for (Term term : this.terms) {
			if (!term.language().equals(language)) {
				continue;
			}
			for (int i = 0; i < term.patterns().size(); i++) {
				Matcher found = term.patterns().get(i).matcher(lower);
				if (found.find()) {
					file.error(line, "'" + term.not().get(i) + "' in " + where + " of '" + language
							+ "': the glossary says '" + term.use() + "' for " + term.means());
				}
			}
		}
	}

	/** Every text of every topic, text file, fact and contact, checked. */
	void checkAll(KnowledgeDirectory directory, Map<String, Topic> topics, TextFiles.Texts texts,
			Map<String, Fact> facts, Contacts contacts, Languages languages) {
		if (this.terms.isEmpty()) {
			return;
		}
		for (String language : languages.written()) {
			for (Topic topic : topics.values()) {
				YamlFields file = directory.file("topics/" + topic.id() + ".yaml");
				topic.findText(language).ifPresent(text -> {
					check(file, 0, "the title", language, text.title());
					check(file, 0, "the answer", language, text.answer());
					check(file, 0, "the details", language, text.details());
				});
			}
			YamlFields textFile = directory.file("texts/" + language + ".yaml");
			texts.byLanguage()
				.getOrDefault(language, Map.of())
				.forEach((key, value) -> check(textFile, texts.line(language, key), "text '" + key + "'", language,
						value));
			facts.values().forEach(fact -> fact.values().values().stream().distinct().forEach(values -> {
				check(directory.file("facts/"), 0, "fact '" + fact.name() + "'", language, values.get(language));
			}));
			YamlFields contactsFile = directory.file("contacts.yaml");
			contacts.offices()
				.forEach(office -> check(contactsFile, 0, "the name of office '" + office.id() + "'", language,
						office.name(language)));
		}
	}

}
