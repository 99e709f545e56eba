package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code deadlines.yaml}: the deadlines My dates counts, the holidays working days skip,
 * and the words typed dates are read by. Every deadline needs its texts
 * ({@code dates.deadline.<id>}, {@code dates.rule.<id>}) and its sources; two deadlines
 * of one id must not apply to the same citizenship; every written language needs its date
 * words, with twelve months.
 */
final class DeadlinesFile {

	static final String FILE = "deadlines.yaml";

	private static final List<String> COUNTINGS = List.of("calendar-days", "working-days", "day-before");

	private DeadlinesFile() {
	}

	static Deadlines read(KnowledgeDirectory directory, Languages languages, TextFiles.Texts texts) {
		if (!directory.exists(FILE)) {
			return Deadlines.none();
		}
		YamlFields file = directory.file(FILE);
		return directory.mapping(file, true)
			.map(root -> new Deadlines(deadlines(file, root, languages, texts), holidays(file, root),
					words(file, root, languages)))
			.orElse(Deadlines.none());
	}

	private static List<Deadline> deadlines(YamlFields file, YamlTree.Mapping root, Languages languages,
			TextFiles.Texts texts) {
		List<Deadline> deadlines = new ArrayList<>();
		if (!(root.get("deadlines") instanceof YamlTree.Sequence sequence)) {
			file.error(root.line(), "'deadlines' must be a list of deadlines");
			return deadlines;
		}
		Map<String, Set<Citizenship>> covered = new HashMap<>();
		for (YamlTree.Node item : sequence.items()) {
			file.mapping(item, "a deadline")
				.flatMap(entry -> deadline(file, entry, languages, texts))
				.ifPresent(deadline -> {
					Set<Citizenship> before = covered.computeIfAbsent(deadline.id(),
							id -> EnumSet.noneOf(Citizenship.class));
					for (Citizenship citizenship : deadline.citizenships()) {
						if (!before.add(citizenship)) {
							file.error(item.line(), "deadline '" + deadline.id() + "' applies to " + citizenship
									+ " twice: give each citizenship one rule");
						}
					}
					deadlines.add(deadline);
				});
		}
		return deadlines;
	}

	private static Optional<Deadline> deadline(YamlFields file, YamlTree.Mapping entry, Languages languages,
			TextFiles.Texts texts) {
		Optional<String> id = file.string(entry, "id", true)
			.filter(value -> file.id(entry.line(), "deadline id", value));
		Optional<PersonalDate> from = file.string(entry, "counts-from", true).flatMap(value -> {
			Optional<PersonalDate> date = PersonalDate.parse(value);
			if (date.isEmpty()) {
				file.error(file.lineAt(entry, "counts-from"), "'counts-from' is '" + value
						+ "'; write one of entry, patent-issued, patent-paid-until, registration-until, contract-end");
			}
			return date;
		});
		Set<Citizenship> citizenships = EnumSet.noneOf(Citizenship.class);
		for (String code : file.strings(entry, "citizenships", true)) {
			Citizenship.parse(code)
				.ifPresentOrElse(citizenships::add, () -> file.error(file.lineAt(entry, "citizenships"),
						"citizenship '" + code + "' is not one of UZ, KG, TJ, KZ, OTHER"));
		}
		Optional<Deadline.Counting> counting = counting(file, entry);
		Optional<Boolean> checked = file.bool(entry, "checked", true);
		List<Source> sources = file.sources(entry, true);
		Optional<LocalDate> reviewed = file.date(entry, "reviewed", true);
		id.ifPresent(value -> {
			for (String key : List.of("dates.deadline." + value, "dates.rule." + value)) {
				for (String language : languages.written()) {
					if (!texts.byLanguage().getOrDefault(language, Map.of()).containsKey(key)) {
						file.error(entry.line(),
								"deadline '" + value + "' needs the text '" + key + "' in texts/" + language + ".yaml");
					}
				}
			}
		});
		if (id.isEmpty() || from.isEmpty() || citizenships.isEmpty() || counting.isEmpty() || checked.isEmpty()
				|| sources.isEmpty() || reviewed.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Deadline(id.get(), from.get(), citizenships, counting.get(), checked.get(), sources,
				reviewed.get()));
	}

	private static Optional<Deadline.Counting> counting(YamlFields file, YamlTree.Mapping entry) {
		List<String> given = COUNTINGS.stream().filter(key -> entry.get(key) != null).toList();
		if (given.size() != 1) {
			file.error(entry.line(),
					"a deadline is counted one way: give exactly one of " + String.join(", ", COUNTINGS)
							+ (given.isEmpty() ? "" : " (it has " + String.join(", ", given) + ")"));
			return Optional.empty();
		}
		String how = given.get(0);
		if (how.equals("day-before")) {
			return file.bool(entry, how, true)
				.filter(Boolean::booleanValue)
				.map(yes -> new Deadline.Counting.DayBefore());
		}
		return file.string(entry, how, true).flatMap(text -> {
			try {
				int days = Integer.parseInt(text);
				if (days < 1) {
					throw new NumberFormatException();
				}
				return Optional.of(how.equals("calendar-days") ? new Deadline.Counting.CalendarDays(days)
						: new Deadline.Counting.WorkingDays(days));
			}
			catch (NumberFormatException ex) {
				file.error(file.lineAt(entry, how),
						"'" + how + "' is '" + text + "'; write a number of days, such as 15");
				return Optional.empty();
			}
		});
	}

	private static Holidays holidays(YamlFields file, YamlTree.Mapping root) {
		Map<Integer, Set<LocalDate>> byYear = new HashMap<>();
		file.mapping(root, "holidays", false).ifPresent(years -> years.entries().forEach((year, entry) -> {
			file.mapping(entry.value(), "the holidays of " + year).ifPresent(listed -> {
				file.string(listed, "decree", true);
				Set<LocalDate> days = new HashSet<>();
				for (String day : file.strings(listed, "days", true)) {
					try {
						LocalDate date = LocalDate.parse(day);
						if (!Integer.toString(date.getYear()).equals(year)) {
							file.error(listed.line(), "holiday " + day + " is not in " + year);
						}
						days.add(date);
					}
					catch (RuntimeException ex) {
						file.error(listed.line(), "holiday '" + day + "' is not a date such as 2027-01-07");
					}
				}
				try {
					byYear.put(Integer.parseInt(year), days);
				}
				catch (NumberFormatException ex) {
					file.error(entry.keyLine(), "'" + year + "' under holidays is not a year");
				}
			});
		}));
		return new Holidays(byYear);
	}

	private static Map<String, DateWords> words(YamlFields file, YamlTree.Mapping root, Languages languages) {
		Map<String, DateWords> words = new LinkedHashMap<>();
		file.mapping(root, "date-words", true).ifPresent(byLanguage -> {
			byLanguage.entries().forEach((code, entry) -> {
				if (!languages.isKnown(code)) {
					file.error(entry.keyLine(), "'" + code + "' in date-words is not a language in languages.yaml");
					return;
				}
				file.mapping(entry.value(), "the date words of '" + code + "'")
					.flatMap(map -> dateWords(file, map, code))
					.ifPresent(found -> words.put(code, found));
			});
			for (String code : languages.written()) {
				if (!words.containsKey(code)) {
					file.error(byLanguage.line(), "date-words has no words for '" + code + "'");
				}
			}
			for (Language language : languages.generated()) {
				DateWords source = words.get(language.generatedFrom());
				if (source != null && !words.containsKey(language.code())) {
					words.put(language.code(), transliterated(source, language, languages));
				}
			}
		});
		return words;
	}

	private static Optional<DateWords> dateWords(YamlFields file, YamlTree.Mapping map, String code) {
		List<Set<String>> months = new ArrayList<>();
		if (map.get("months") instanceof YamlTree.Sequence sequence && sequence.items().size() == 12) {
			for (YamlTree.Node month : sequence.items()) {
				months.add(folded(file.strings(month, "a month of '" + code + "'")));
			}
		}
		else {
			file.error(map.line(), "the months of '" + code + "' must be a list of twelve lists, January first");
			return Optional.empty();
		}
		return Optional.of(new DateWords(months, folded(file.strings(map, "today", true)),
				folded(file.strings(map, "yesterday", true)), folded(file.strings(map, "day-before-yesterday", true))));
	}

	private static DateWords transliterated(DateWords source, Language language, Languages languages) {
		List<Set<String>> months = source.months()
			.stream()
			.map(month -> transliterated(month, language, languages))
			.toList();
		return new DateWords(months, transliterated(source.today(), language, languages),
				transliterated(source.yesterday(), language, languages),
				transliterated(source.dayBeforeYesterday(), language, languages));
	}

	private static Set<String> transliterated(Set<String> words, Language language, Languages languages) {
		Set<String> both = new HashSet<>(words);
		words.forEach(word -> both.add(languages.transliterate(language, word).toLowerCase(Locale.ROOT)));
		return both;
	}

	private static Set<String> folded(List<String> words) {
		Set<String> folded = new HashSet<>();
		words.forEach(word -> folded.add(word.toLowerCase(Locale.ROOT)));
		return folded;
	}

}
