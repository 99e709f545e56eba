package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code announcements/*.yaml}: the rule-change alerts maintainers write. Each names the
 * topics whose subscribers it is for, which must exist, optionally the citizenships it
 * concerns, its sources, and its text in every written language; its id is its file's
 * name.
 */
final class AnnouncementFiles {

	static final String FOLDER = "announcements";

	private AnnouncementFiles() {
	}

	static Map<String, Announcement> read(KnowledgeDirectory directory, Languages languages,
			Map<String, Topic> topics) {
		Map<String, Announcement> announcements = new LinkedHashMap<>();
		for (String path : directory.yamlFiles(FOLDER)) {
			YamlFields file = directory.file(path);
			String id = path.substring(FOLDER.length() + 1).replaceFirst("\\.ya?ml$", "");
			if (!file.id(0, "announcement id (its file name)", id)) {
				continue;
			}
			directory.mapping(file, true)
				.flatMap(root -> announcement(file, root, id, languages, topics))
				.ifPresent(found -> announcements.put(id, found));
		}
		return announcements;
	}

	private static Optional<Announcement> announcement(YamlFields file, YamlTree.Mapping root, String id,
			Languages languages, Map<String, Topic> topics) {
		Optional<LocalDate> date = file.date(root, "date", true);
		Set<String> about = new LinkedHashSet<>();
		for (String topic : file.strings(root, "topics", true)) {
			if (topics.containsKey(topic)) {
				about.add(topic);
			}
			else {
				file.error(file.lineAt(root, "topics"), "topic '" + topic + "' does not exist");
			}
		}
		Set<Citizenship> citizenships = EnumSet.noneOf(Citizenship.class);
		for (String code : file.strings(root, "citizenships", false)) {
			Citizenship.parse(code)
				.ifPresentOrElse(citizenships::add, () -> file.error(file.lineAt(root, "citizenships"),
						"citizenship '" + code + "' is not one of UZ, KG, TJ, KZ, OTHER"));
		}
		List<Source> sources = new ArrayList<>(file.sources(root, true));
		Map<String, String> texts = file.mapping(root, "text", true)
			.map(map -> file.perLanguage(map, "the text", languages))
			.orElse(Map.of());
		if (date.isEmpty() || about.isEmpty() || sources.isEmpty() || texts.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Announcement(id, date.get(), about, citizenships, sources, texts));
	}

}
