package org.haqqim.knowledge;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The real knowledge/ directory passes the validator: the check maintainers run, run by the build. */
class KnowledgeContentTests {

	@Test
	void theKnowledgeBaseHasNoErrors() {
		ValidationReport report = new KnowledgeLoader(Clock.systemUTC()).validate(Path.of("knowledge"));
		assertThat(report.errors()).as(report.toText()).isEmpty();
	}

	@Test
	void everyRequiredTopicIsThereInEveryLanguage() {
		KnowledgeBase knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge")).knowledge().orElseThrow();
		for (String id : RequiredTopics.IDS) {
			Topic topic = knowledge.topic(id).orElseThrow();
			for (String language : RequiredTopics.LANGUAGES) {
				assertThat(topic.text(language).answer()).as(id + " in " + language).isNotBlank();
			}
			assertThat(topic.sources()).as(id + " names its sources").isNotEmpty();
		}
	}

}
