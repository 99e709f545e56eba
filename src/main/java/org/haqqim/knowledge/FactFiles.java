package org.haqqim.knowledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

	/** How many days before a fact expires the validator starts to say so. */
	static final int EXPIRY_NOTICE_DAYS = 60;

	/**
	 * The facts. A fact past its {@code valid-until} is an error when {@code strict} (the
	 * validator maintainers and the build run) and only a warning otherwise: a running
	 * bot keeps answering and shows the fact's {@code when-expired} text instead.
	 */
	static Map<String, Fact> read(KnowledgeDirectory directory, Languages languages, LocalDate today, boolean strict) {
		Map<String, Fact> facts = new TreeMap<>();
		for (String path : directory.yamlFiles("facts")) {
			YamlFields file = directory.file(path);
			directory.mapping(file, false).ifPresent(root -> root.entries().forEach((name, entry) -> {
				if (facts.containsKey(name)) {
					file.error(entry.keyLine(), "fact '" + name + "' is defined twice");
					return;
				}
				file.mapping(entry.value(), "fact '" + name + "'")
					.flatMap(body -> fact(file, name, body, languages, today, strict))
					.ifPresent(fact -> facts.put(name, fact));
			}));
		}
		return facts;
	}

	private static Optional<Fact> fact(YamlFields file, String name, YamlTree.Mapping body, Languages languages,
			LocalDate today, boolean strict) {
		String description = file.string(body, "description", true).orElse("");
		List<Source> sources = file.sources(body, false);
		Optional<LocalDate> validUntil = file.date(body, "valid-until", false);
		Map<String, String> whenExpired = file.mapping(body, "when-expired", validUntil.isPresent())
			.map(map -> file.perLanguage(map, "'when-expired' of fact '" + name + "'", languages))
			.orElse(Map.of());
		if (validUntil.isEmpty() && body.get("when-expired") != null) {
			file.error(file.lineAt(body, "when-expired"),
					"fact '" + name + "' has 'when-expired' but no 'valid-until' date");
		}
		validUntil.ifPresent(until -> checkExpiry(file, file.lineAt(body, "valid-until"), name, until, today, strict));
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
		return Optional.of(new Fact(name, description, sources, byCitizenship, validUntil.orElse(null), whenExpired));
	}

	private static void checkExpiry(YamlFields file, int line, String name, LocalDate until, LocalDate today,
			boolean strict) {
		if (today.isAfter(until)) {
			String message = "fact '" + name + "' was valid until " + until
					+ ": the bot now shows its 'when-expired' text; write the new value and a new 'valid-until'";
			if (strict) {
				file.error(line, message);
			}
			else {
				file.warning(line, message);
			}
		}
		else if (!today.plusDays(EXPIRY_NOTICE_DAYS).isBefore(until)) {
			file.warning(line, "fact '" + name + "' is valid until " + until + ", in "
					+ ChronoUnit.DAYS.between(today, until) + " days: find the new value and its source");
		}
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
