package org.haqqim.knowledge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code facts/*.yaml}: the values that differ by citizenship or change with the law,
 * each with its sources, kept out of the prose so that one edit changes every language.
 */
final class FactFiles {

	private FactFiles() {
	}

	static Map<String, Fact> read(KnowledgeDirectory directory, Languages languages) {
		Map<String, Fact> facts = new TreeMap<>();
		for (String path : directory.yamlFiles("facts")) {
			YamlFields file = directory.file(path);
			directory.mapping(file, false).ifPresent(root -> root.entries().forEach((name, entry) -> {
				if (facts.containsKey(name)) {
					file.error(entry.keyLine(), "fact '" + name + "' is defined twice");
					return;
				}
				file.mapping(entry.value(), "fact '" + name + "'")
					.flatMap(body -> fact(file, name, body, languages))
					.ifPresent(fact -> facts.put(name, fact));
			}));
		}
		return facts;
	}

	private static Optional<Fact> fact(YamlFields file, String name, YamlTree.Mapping body, Languages languages) {
		String description = file.string(body, "description", true).orElse("");
		List<Source> sources = file.sources(body, false);
		Optional<YamlTree.Mapping> values = file.mapping(body, "values", true);
		if (values.isEmpty()) {
			return Optional.empty();
		}
		Map<Citizenship, Map<String, String>> byCitizenship = new EnumMap<>(Citizenship.class);
		values.get().entries().forEach((key, entry) -> {
			List<Citizenship> citizenships = citizenships(file, entry.keyLine(), key);
			Map<String, String> byLanguage = value(file, name, entry.value(), languages);
			for (Citizenship citizenship : citizenships) {
				if (byCitizenship.containsKey(citizenship)) {
					file.error(entry.keyLine(), "fact '" + name + "' has two values for " + citizenship);
				}
				byCitizenship.put(citizenship, byLanguage);
			}
		});
		return Optional.of(new Fact(name, description, sources, byCitizenship));
	}

	/** {@code UZ, TJ} or {@code all}: whom a value is for. */
	private static List<Citizenship> citizenships(YamlFields file, int line, String key) {
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

	/** One value for every language, or a value per language. */
	private static Map<String, String> value(YamlFields file, String name, YamlTree.Node node, Languages languages) {
		Map<String, String> byLanguage = new LinkedHashMap<>();
		if (node instanceof YamlTree.Scalar) {
			file.string(node, "the value of fact '" + name + "'", true)
				.ifPresent(value -> languages.all().forEach(language -> byLanguage.put(language.code(), value)));
			return byLanguage;
		}
		file.mapping(node, "the value of fact '" + name + "'")
			.ifPresent(
					perLanguage -> byLanguage.putAll(file.perLanguage(perLanguage, "fact '" + name + "'", languages)));
		return byLanguage;
	}

}
