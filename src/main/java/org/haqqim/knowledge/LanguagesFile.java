package org.haqqim.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code languages.yaml}: the languages the bot speaks, its default, the Telegram app
 * languages that suggest each, and those the bot writes itself from another.
 */
final class LanguagesFile {

	static final String FILE = "languages.yaml";

	private static final String FALLBACK_DEFAULT = "ru";

	private static final Pattern LATIN_WORD = Pattern
		.compile("[A-Za-z" + UzbekScript.APOSTROPHES + "]+(-[A-Za-z]+)*-?");

	private LanguagesFile() {
	}

	/**
	 * The languages; when the file cannot be read, the languages every knowledge base
	 * must have, so that the other files can still be checked.
	 */
	static Languages read(KnowledgeDirectory directory) {
		YamlFields file = directory.file(FILE);
		Optional<YamlTree.Mapping> root = directory.mapping(file, true);
		if (root.isEmpty()) {
			return new Languages(KnowledgeContract.LANGUAGES.stream()
				.map(code -> new Language(code, code, List.of(), Transliteration.sourceOf(code).orElse(null)))
				.toList(), FALLBACK_DEFAULT, Map.of(), List.of());
		}
		Map<String, Spellings> spellings = new HashMap<>();
		List<String> reviewedGenerations = new ArrayList<>();
		List<Language> read = languages(file, root.get(), spellings, reviewedGenerations);
		Set<String> codes = new LinkedHashSet<>();
		for (Language language : read) {
			if (!codes.add(language.code())) {
				file.error(root.get().line(), "language '" + language.code() + "' is listed twice");
			}
		}
		for (String required : KnowledgeContract.LANGUAGES) {
			if (!codes.contains(required)) {
				file.error(root.get().line(), "language '" + required + "' is missing; the bot must speak "
						+ String.join(", ", KnowledgeContract.LANGUAGES));
			}
		}
		for (Language language : read) {
			if (!language.isGenerated()) {
				continue;
			}
			if (!codes.contains(language.generatedFrom())) {
				file.error(root.get().line(), "language '" + language.code() + "' is generated from '"
						+ language.generatedFrom() + "', which is not listed");
			}
			else if (Transliteration.between(language.generatedFrom(), language.code()).isEmpty()) {
				file.error(root.get().line(),
						"language '" + language.code() + "' cannot be generated from '" + language.generatedFrom()
								+ "': the bot can generate " + Transliteration.known() + "; write its texts instead");
			}
		}
		String defaultLanguage = file.string(root.get(), "default", true).orElse(FALLBACK_DEFAULT);
		if (!codes.contains(defaultLanguage)) {
			file.error(file.lineAt(root.get(), "default"), "default language '" + defaultLanguage + "' is not listed");
		}
		return new Languages(read, defaultLanguage, spellings, reviewedGenerations);
	}

	private static List<Language> languages(YamlFields file, YamlTree.Mapping root, Map<String, Spellings> spellings,
			List<String> reviewedGenerations) {
		List<Language> read = new ArrayList<>();
		YamlTree.Node list = root.get("languages");
		if (!(list instanceof YamlTree.Sequence sequence)) {
			file.error(root.line(), "'languages' must be a list of languages");
			return read;
		}
		for (YamlTree.Node item : sequence.items()) {
			file.mapping(item, "a language").ifPresent(entry -> {
				Optional<String> code = file.string(entry, "code", true);
				Optional<String> name = file.string(entry, "name", true);
				List<String> telegram = file.strings(entry, "telegram-codes", false);
				Optional<String> from = file.string(entry, "generated-from", false);
				if (code.isPresent() && name.isPresent()) {
					read.add(new Language(code.get(), name.get(), telegram, from.orElse(null)));
				}
				if (code.isPresent() && from.isPresent()) {
					generation(file, entry, code.get(), spellings, reviewedGenerations);
				}
			});
		}
		return read;
	}

	/**
	 * What a generated language adds to its table: the words it spells out, and whether
	 * someone who reads it has checked the result; until then its texts are drafts.
	 */
	private static void generation(YamlFields file, YamlTree.Mapping entry, String code,
			Map<String, Spellings> spellings, List<String> reviewedGenerations) {
		TranslationStatus status = file.string(entry, "status", false)
			.map(value -> file.status(entry, value))
			.orElse(TranslationStatus.DRAFT);
		if (status == TranslationStatus.REVIEWED) {
			reviewedGenerations.add(code);
		}
		else {
			file.warning(file.lineAt(entry, "code"), "'" + code
					+ "' is generated, and nobody who reads it has checked the generation yet: its texts are drafts");
		}
		List<Spellings.Spelling> words = new ArrayList<>();
		file.mapping(entry, "spellings", false)
			.ifPresent(map -> map.entries()
				.forEach((word, value) -> file.string(value.value(), "the spelling of '" + word + "'", true)
					.ifPresent(written -> {
						if (!LATIN_WORD.matcher(word).matches()) {
							file.error(value.keyLine(), "spelling '" + word + "' of '" + code
									+ "' must be one Latin word as the texts write it, optionally ending in - for a stem");
						}
						words.add(Spellings.Spelling.of(word, written));
					})));
		spellings.put(code, new Spellings(words));
	}

}
