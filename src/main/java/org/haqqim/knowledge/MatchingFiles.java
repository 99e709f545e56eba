package org.haqqim.knowledge;

import java.util.ArrayList;
import java.util.EnumMap;
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

	/** The topic of a situation that is not ours. */
	static final String NO_TOPIC = "none";

	static final String STAFF_ONLY = "staff";

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
		return new Lexicon(files.synonyms(), files.urgency(), files.situations(), files.citizenshipWords(),
				files.commonWords(), files.lists(smallTalk, smallTalkRoot, "greetings", true),
				files.lists(smallTalk, smallTalkRoot, "thanks", true),
				files.lists(smallTalk, smallTalkRoot, "skip", false));
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
				lists(file, root, "over", false), lists(file, root, "long-ago", false));
	}

	/**
	 * {@code situations.yaml}: what happens to people, in their words, each with its
	 * topic ({@code none} for questions that only sound like ours, {@code staff} for what
	 * only a person can help with) and whether it is an emergency. A topic must have its
	 * file, so that a misspelt id is named rather than never answered; a file that does
	 * not parse has its own error.
	 */
	private List<Lexicon.Situation> situations() {
		List<Lexicon.Situation> situations = new ArrayList<>();
		YamlFields file = this.directory.file("matching/situations.yaml");
		this.directory.mapping(file, true).ifPresent(root -> {
			YamlTree.Node list = root.get("situations");
			if (!(list instanceof YamlTree.Sequence sequence)) {
				file.error(root.line(), "'situations' must be a list of situations");
				return;
			}
			for (YamlTree.Node item : sequence.items()) {
				file.mapping(item, "a situation").ifPresent(situation -> {
					Optional<String> name = file.string(situation, "name", true);
					List<String> topics = situation.get("topic") instanceof YamlTree.Sequence
							? file.strings(situation, "topic", true)
							: file.string(situation, "topic", true).map(List::of).orElse(List.of());
					boolean urgent = file.bool(situation, "urgent", false).orElse(false);
					Map<String, List<String>> phrases = lists(file, Optional.of(situation), "phrases", true);
					topics.stream()
						.filter(id -> !NO_TOPIC.equals(id) && !STAFF_ONLY.equals(id)
								&& !this.directory.exists("topics/" + id + ".yaml"))
						.forEach(id -> file.error(situation.line(),
								"situation '" + name.orElse("?") + "' names topic '" + id
										+ "', which is not in topics/ (write " + NO_TOPIC
										+ " for a question that is not ours, " + STAFF_ONLY
										+ " for one only staff can help with)"));
					boolean forStaff = topics.contains(STAFF_ONLY);
					List<String> ours = topics.stream()
						.filter(id -> !NO_TOPIC.equals(id) && !STAFF_ONLY.equals(id))
						.toList();
					if (forStaff && !ours.isEmpty()) {
						file.error(situation.line(), "situation '" + name.orElse("?") + "' names " + STAFF_ONLY
								+ " and a topic: what only staff can help with has no topic's answer");
					}
					if (urgent && ours.isEmpty() && !forStaff) {
						file.error(situation.line(), "situation '" + name.orElse("?")
								+ "' is urgent but has no topic: an emergency needs the topic whose answer it gets, or "
								+ STAFF_ONLY);
					}
					if (name.isPresent() && !topics.isEmpty()) {
						situations.add(new Lexicon.Situation(name.get(), ours, forStaff, urgent, phrases));
					}
				});
			}
		});
		return situations;
	}

	/** {@code citizenship.yaml}: the words that name each citizenship, by language. */
	private Map<Citizenship, Map<String, List<String>>> citizenshipWords() {
		Map<Citizenship, Map<String, List<String>>> words = new EnumMap<>(Citizenship.class);
		YamlFields file = this.directory.file("matching/citizenship.yaml");
		Optional<YamlTree.Mapping> byCitizenship = this.directory.mapping(file, true)
			.flatMap(root -> file.mapping(root, "words", true));
		byCitizenship.ifPresent(mapping -> mapping.entries().forEach((code, entry) -> {
			Optional<Citizenship> citizenship = Citizenship.parse(code);
			if (citizenship.isEmpty()) {
				file.error(entry.keyLine(), "'" + code + "' is not a citizenship (UZ, KG, TJ, KZ, OTHER)");
				return;
			}
			words.put(citizenship.get(), lists(file, byCitizenship, code, true));
		}));
		return words;
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
