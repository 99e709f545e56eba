package org.haqqim.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code contacts.yaml}: the cities the bot knows, in the order it offers them, and the
 * offices people can turn to, each with its source and how sure that source is.
 */
final class ContactsFile {

	private ContactsFile() {
	}

	static Contacts read(KnowledgeDirectory directory, Languages languages) {
		YamlFields file = directory.file("contacts.yaml");
		Optional<YamlTree.Mapping> root = directory.mapping(file, true);
		if (root.isEmpty()) {
			return new Contacts(Map.of(), List.of());
		}
		Map<String, Contacts.City> cities = cities(file, root.get(), languages);
		List<Contacts.Office> offices = new ArrayList<>();
		YamlTree.Node list = root.get().get("offices");
		if (!(list instanceof YamlTree.Sequence sequence)) {
			file.error(root.get().line(), "'offices' must be a list of offices");
			return new Contacts(cities, offices);
		}
		OfficeReader reader = new OfficeReader(file, cities, languages);
		Set<String> ids = new LinkedHashSet<>();
		for (YamlTree.Node item : sequence.items()) {
			file.mapping(item, "an office").flatMap(reader::read).ifPresent(office -> {
				if (!ids.add(office.id())) {
					file.error(item.line(), "office id '" + office.id() + "' is used twice");
				}
				offices.add(office);
			});
		}
		List<String> unchecked = offices.stream()
			.filter(office -> office.kind() != Contacts.OfficeKind.EMERGENCY && office.check().isEmpty())
			.map(Contacts.Office::id)
			.toList();
		if (!unchecked.isEmpty()) {
			file.warning(0, unchecked.size() + " office(s) nobody has checked by calling or on the official site,"
					+ " shown as 'not yet confirmed, call before you go': " + String.join(", ", unchecked));
		}
		return new Contacts(cities, offices);
	}

	private static Map<String, Contacts.City> cities(YamlFields file, YamlTree.Mapping root, Languages languages) {
		Map<String, Contacts.City> cities = new LinkedHashMap<>();
		file.mapping(root, "cities", true).ifPresent(all -> all.entries().forEach((id, entry) -> {
			file.id(entry.keyLine(), "city id", id);
			file.mapping(entry.value(), "city '" + id + "'").ifPresent(city -> {
				Optional<Contacts.Coordinates> coordinates = coordinates(file, city);
				Map<String, String> names = file.mapping(city, "names", true)
					.map(map -> file.perLanguage(map, "the names of city '" + id + "'", languages))
					.orElse(Map.of());
				cities.put(id, new Contacts.City(id, coordinates, names));
			});
		}));
		return cities;
	}

	private static Optional<Contacts.Coordinates> coordinates(YamlFields file, YamlTree.Mapping city) {
		YamlTree.Node node = city.get("coordinates");
		if (node == null) {
			return Optional.empty();
		}
		List<String> values = file.strings(node, "'coordinates'");
		try {
			if (values.size() == 2) {
				double latitude = Double.parseDouble(values.get(0));
				double longitude = Double.parseDouble(values.get(1));
				if (Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
					return Optional.of(new Contacts.Coordinates(latitude, longitude));
				}
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, as every other malformed value.
		}
		file.error(node.line(), "'coordinates' must be [latitude, longitude], such as [55.7558, 37.6173]");
		return Optional.empty();
	}

}
