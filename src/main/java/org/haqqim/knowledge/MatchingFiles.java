package org.haqqim.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code matching/*.yaml}: the word lists maintainers keep for the matcher: synonym
 * groups, the words that tell an emergency, words too common to decide a match, and the
 * greetings and thanks that are not questions.
 */
final class MatchingFiles {

	private final KnowledgeDirectory directory;

	private final Languages languages;

	private MatchingFiles(KnowledgeDirectory directory, Languages languages) {
		this.directory = directory;
		this.languages = languages;
	}

	static Lexicon read(KnowledgeDirectory directory, Languages languages) {
		MatchingFiles files = new MatchingFiles(directory, languages);
		YamlFields smallTalk = directory.file("matching/small-talk.yaml");
		Optional<YamlTree.Mapping> smallTalkRoot = directory.mapping(smallTalk, true);
		return new Lexicon(files.synonyms(), files.urgency(), files.commonWords(),
				files.lists(smallTalk, smallTalkRoot, "greetings", true),
				files.lists(smallTalk, smallTalkRoot, "thanks", true));
	}

	/**
	 * {@code synonyms.yaml}: groups of words that mean the same; a word belongs to one
	 * group.
	 */
	private List<List<String>> synonyms() {
		List<List<String>> groups = new ArrayList<>();
		YamlFields file = this.directory.file("matching/synonyms.yaml");
		this.directory.mapping(file, true).ifPresent(root -> {
			YamlTree.Node list = root.get("groups");
			if (!(list instanceof YamlTree.Sequence sequence)) {
				file.error(root.line(), "'groups' must be a list of word lists");
				return;
			}
			Map<String, Integer> groupOfWord = new HashMap<>();
			for (YamlTree.Node item : sequence.items()) {
				List<String> group = file.strings(item, "a synonym group");
				if (group.size() < 2) {
					file.error(item.line(), "a synonym group needs at least two words");
					continue;
				}
				for (String word : group) {
					Integer other = groupOfWord.putIfAbsent(QuestionKey.of(word), item.line());
					if (other != null && other != item.line()) {
						file.error(item.line(), "'" + word + "' is also in the group at line " + other
								+ " (ignoring case, apostrophes and script); a word belongs to one group");
					}
				}
				groups.add(group);
			}
		});
		return groups;
	}

	/** {@code urgency.yaml}: its lists are explained in the file itself. */
	private Lexicon.UrgencyWords urgency() {
		YamlFields file = this.directory.file("matching/urgency.yaml");
		Optional<YamlTree.Mapping> root = this.directory.mapping(file, true);
		return new Lexicon.UrgencyWords(lists(file, root, "signals", true), lists(file, root, "strong-signals", false),
				lists(file, root, "personal", false), lists(file, root, "general", false),
				lists(file, root, "now", false), lists(file, root, "general-endings", false),
				lists(file, root, "if-words", false), lists(file, root, "past-endings", false),
				lists(file, root, "over", false));
	}

	private Map<String, List<String>> commonWords() {
		YamlFields file = this.directory.file("matching/common-words.yaml");
		return lists(file, this.directory.mapping(file, true), "words", true);
	}

	/** Word lists by language, under one key. */
	private Map<String, List<String>> lists(YamlFields file, Optional<YamlTree.Mapping> root, String key,
			boolean required) {
		Map<String, List<String>> lists = new LinkedHashMap<>();
		root.flatMap(mapping -> file.mapping(mapping, key, required))
			.ifPresent(byLanguage -> byLanguage.entries().forEach((code, entry) -> {
				if (!this.languages.isKnown(code)) {
					file.error(entry.keyLine(), "'" + code + "' is not a language in languages.yaml");
				}
				lists.put(code, file.strings(entry.value(), "'" + key + "." + code + "'"));
			}));
		return lists;
	}

}
