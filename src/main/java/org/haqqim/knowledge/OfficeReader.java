package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One office of {@code contacts.yaml}: who it is, where, how to reach it, and the source
 * of all that. A phone, an e-mail address or a website that is not well formed is an
 * error: a person would dial or open it.
 */
final class OfficeReader {

	private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d \\-()]{6,20}\\d|\\d{2,4}");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

	private final YamlFields file;

	private final Map<String, Contacts.City> cities;

	private final Languages languages;

	OfficeReader(YamlFields file, Map<String, Contacts.City> cities, Languages languages) {
		this.file = file;
		this.cities = cities;
		this.languages = languages;
	}

	Optional<Contacts.Office> read(YamlTree.Mapping office) {
		Optional<String> id = this.file.string(office, "id", true);
		id.ifPresent(value -> this.file.id(office.line(), "office id", value));
		String name = id.orElse("?");
		Optional<Country> country = country(office);
		Optional<Contacts.OfficeKind> kind = kind(office);
		Optional<String> city = this.file.string(office, "city", true);
		city.filter(value -> !this.cities.containsKey(value))
			.ifPresent(value -> this.file.error(this.file.lineAt(office, "city"),
					"city '" + value + "' is not in 'cities'"));
		Map<String, String> names = texts(office, "names", true, "the names of office '" + name + "'");
		String address = this.file.string(office, "address", false).orElse("");
		List<String> phones = phones(office);
		Optional<String> email = this.file.string(office, "email", false);
		email.filter(value -> !EMAIL.matcher(value).matches())
			.ifPresent(
					value -> this.file.error(this.file.lineAt(office, "email"), "e-mail '" + value + "' is malformed"));
		Optional<String> website = this.file.string(office, "website", false);
		website.filter(value -> !YamlFields.URL.matcher(value).matches())
			.ifPresent(value -> this.file.error(this.file.lineAt(office, "website"),
					"website '" + value + "' is malformed: write the whole address, starting with https://"));
		Map<String, String> hours = texts(office, "hours", false, "the hours of office '" + name + "'");
		Optional<YamlTree.Mapping> sourceNode = this.file.mapping(office, "source", true);
		Optional<Source> source = sourceNode.flatMap(this.file::source);
		Optional<Contacts.Reliability> reliability = sourceNode.flatMap(this::reliability);
		if (office.get("verified") != null) {
			this.file.error(this.file.lineAt(office, "verified"), "'verified' is replaced by 'checked', which says who"
					+ " checked the entry and how (date, by, how); leave it out until someone has called or read the"
					+ " official site");
		}
		Optional<Contacts.Check> checked = this.file.mapping(office, "checked", false).flatMap(this::check);
		if (reliability.isPresent() && reliability.get() == Contacts.Reliability.WEAK) {
			this.file.warning(office.line(), "office '" + name
					+ "' rests on a weak source; the bot shows it with a 'check before you go' warning");
		}
		if (id.isEmpty() || country.isEmpty() || kind.isEmpty() || city.isEmpty() || source.isEmpty()
				|| reliability.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Contacts.Office(id.get(), country.get(), kind.get(), city.get(), names, address, phones,
				email.orElse(null), website.orElse(null), hours, source.get(), reliability.get(),
				checked.orElse(null)));
	}

	private Optional<Contacts.Check> check(YamlTree.Mapping check) {
		Optional<LocalDate> date = this.file.date(check, "date", true);
		Optional<String> by = this.file.string(check, "by", true);
		Optional<String> how = this.file.string(check, "how", true);
		if (date.isEmpty() || by.isEmpty() || how.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Contacts.Check(date.get(), by.get(), how.get()));
	}

	private Optional<Country> country(YamlTree.Mapping office) {
		return this.file.string(office, "country", true).flatMap(value -> {
			Optional<Country> country = Country.parse(value).filter(parsed -> parsed.name().equals(value));
			if (country.isEmpty()) {
				this.file.error(this.file.lineAt(office, "country"),
						"country '" + value + "' must be UZ, KG, TJ, KZ or RU");
			}
			return country;
		});
	}

	private Optional<Contacts.OfficeKind> kind(YamlTree.Mapping office) {
		return this.file.string(office, "kind", true).flatMap(value -> {
			Optional<Contacts.OfficeKind> parsed = Contacts.OfficeKind.parse(value);
			if (parsed.isEmpty()) {
				this.file.error(this.file.lineAt(office, "kind"), "kind '" + value
						+ "' must be one of embassy, consulate, migration-agency, labour-ministry, emergency, ngo");
			}
			return parsed;
		});
	}

	private List<String> phones(YamlTree.Mapping office) {
		List<String> phones = this.file.strings(office, "phones", false);
		for (String phone : phones) {
			if (!PHONE.matcher(phone).matches()) {
				this.file.error(this.file.lineAt(office, "phones"), "phone '" + phone
						+ "' is malformed: write +7 and the number (spaces and dashes are fine), or a short number such as 112");
			}
		}
		return phones;
	}

	private Optional<Contacts.Reliability> reliability(YamlTree.Mapping source) {
		return this.file.string(source, "reliability", true).flatMap(value -> {
			Optional<Contacts.Reliability> parsed = Contacts.Reliability.parse(value);
			if (parsed.isEmpty()) {
				this.file.error(source.line(), "reliability '" + value + "' must be confirmed, single-source or weak");
			}
			return parsed;
		});
	}

	private Map<String, String> texts(YamlTree.Mapping office, String key, boolean required, String what) {
		return this.file.mapping(office, key, required)
			.map(map -> this.file.perLanguage(map, what, this.languages))
			.orElse(Map.of());
	}

}
