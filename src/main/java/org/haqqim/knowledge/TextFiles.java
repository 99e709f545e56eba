package org.haqqim.knowledge;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code texts/<language>.yaml}: every text the bot shows besides topics and contacts,
 * one file per written language; a generated language gets its source's texts
 * transliterated, with what its own file overrides.
 */
final class TextFiles {

	private TextFiles() {
	}

	/**
	 * The texts, by language and key.
	 *
	 * @param keyLines the line of each key, by {@code language/key}, for later checks
	 */
	record Texts(Map<String, Map<String, String>> byLanguage, Map<String, Integer> keyLines) {

		int line(String language, String key) {
			return this.keyLines.getOrDefault(language + "/" + key, 0);
		}

	}

	static Texts read(KnowledgeDirectory directory, Languages languages) {
		Map<String, Map<String, String>> texts = new LinkedHashMap<>();
		Map<String, Integer> keyLines = new HashMap<>();
		for (Language language : languages.all()) {
			String path = "texts/" + language.code() + ".yaml";
			boolean required = !language.isGenerated();
			YamlFields file = directory.file(path);
			if (!directory.exists(path)) {
				if (required) {
					file.error(0, "the texts of language '" + language.code()
							+ "' are missing: copy texts/en.yaml and translate it");
				}
				continue;
			}
			directory.mapping(file, true).ifPresent(root -> {
				file.string(root, "status", required)
					.filter(status -> file.status(root, status) == TranslationStatus.DRAFT)
					.ifPresent(status -> file.warning(file.lineAt(root, "status"),
							"the texts in '" + language.code() + "' are a draft, waiting for a native speaker"));
				Map<String, String> values = new LinkedHashMap<>();
				file.mapping(root, "texts", true).ifPresent(entries -> entries.entries().forEach((key, entry) -> {
					file.string(entry.value(), "text '" + key + "'", true).ifPresent(value -> values.put(key, value));
					keyLines.put(language.code() + "/" + key, entry.keyLine());
				}));
				texts.put(language.code(), values);
			});
		}
		for (Language language : languages.generated()) {
			Map<String, String> generated = new LinkedHashMap<>();
			texts.getOrDefault(language.generatedFrom(), Map.of())
				.forEach((key, value) -> generated.put(key, languages.transliterate(language, value)));
			generated.putAll(texts.getOrDefault(language.code(), Map.of()));
			texts.put(language.code(), generated);
		}
		return new Texts(texts, keyLines);
	}

}
