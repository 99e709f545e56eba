package org.haqqim.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real knowledge/ directory passes the validator: the check maintainers run, run by
 * the build.
 */
class KnowledgeContentTests {

	@Test
	void theKnowledgeBaseHasNoErrors() {
		ValidationReport report = new KnowledgeLoader(Clock.systemUTC()).validate(Path.of("knowledge"));
		assertThat(report.errors()).as(report.toText()).isEmpty();
	}

	@Test
	void everyRequiredTopicIsThereInEveryLanguage() {
		KnowledgeBase knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge"))
			.knowledge()
			.orElseThrow();
		for (String id : KnowledgeContract.TOPIC_IDS) {
			Topic topic = knowledge.topic(id).orElseThrow();
			for (String language : KnowledgeContract.LANGUAGES) {
				assertThat(topic.text(language).answer()).as(id + " in " + language).isNotBlank();
			}
			assertThat(topic.sources()).as(id + " names its sources").isNotEmpty();
		}
	}

	/**
	 * The location step offers the first cities of the file as buttons, so their order
	 * must be the file's on every start, not the varying order of an immutable map.
	 */
	@Test
	void citiesKeepTheOrderOfContactsYaml() throws IOException {
		List<String> inFile = new ArrayList<>();
		boolean inCities = false;
		for (String line : Files.readAllLines(Path.of("knowledge/contacts.yaml"))) {
			if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("#")) {
				inCities = line.startsWith("cities:");
			}
			else if (inCities && line.matches("  [a-z][a-z-]*:\\s*")) {
				inFile.add(line.trim().replace(":", ""));
			}
		}
		KnowledgeBase knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge"))
			.knowledge()
			.orElseThrow();
		assertThat(inFile).hasSizeGreaterThan(3);
		assertThat(knowledge.contacts().cities().keySet()).containsExactlyElementsOf(inFile);
	}

	/**
	 * The matcher indexes a topic's texts in this order, which decides between equally
	 * good phrasings.
	 */
	@Test
	void aTopicKeepsItsTextsInTheOrderGiven() {
		Map<String, Topic.Text> texts = new LinkedHashMap<>();
		for (String language : List.of("uz", "uz-Cyrl", "ru", "ky", "tg", "en", "tr", "kk")) {
			texts.put(language,
					new Topic.Text(TranslationStatus.REVIEWED, "title", "answer", "", List.of(), List.of()));
		}
		Topic topic = new Topic("order", "documents", false, List.of(), Set.of(), List.of(), null, null, texts);
		assertThat(topic.texts().keySet()).containsExactly("uz", "uz-Cyrl", "ru", "ky", "tg", "en", "tr", "kk");
	}

}
