package org.haqqim.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.haqqim.EndToEndTest;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live reload on a copy of the real knowledge base: a changed fact shows in the next
 * answer without a restart; a broken file is rejected, the old version keeps answering,
 * and the staff chat is told once, not once per saved file.
 */
class LiveReloadTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Path directory = KnowledgeDirectories.copyOfTheRealOne();

	@Autowired
	CurrentKnowledge knowledge;

	@Autowired
	KnowledgeReloader reloader;

	@DynamicPropertySource
	static void reloadFromACopy(DynamicPropertyRegistry registry) {
		registry.add("haqqim.knowledge.directory", directory::toString);
		registry.add("haqqim.knowledge.reload-check-interval", () -> "200ms");
		registry.add("haqqim.knowledge.reload-quiet-period", () -> "300ms");
	}

	@Test
	void aChangedFactIsInTheNextAnswerAndABrokenFileChangesNothing() throws IOException {
		long user = newUser();
		telegram.userSays(user, "patent narxi qancha moskvada", "uz");
		assertThat(telegram.awaitScreen(user, 0, WAIT).text()).contains("10 000");

		Path facts = directory.resolve("facts/documents.yaml");
		Files.writeString(facts, Files.readString(facts).replace("oyiga 10 000 rubl", "oyiga 12 345 rubl"));
		await().atMost(WAIT)
			.until(() -> this.knowledge.current()
				.render("{patent-price-moscow}", Audience.of("uz", Citizenship.UZ), Map.of())
				.equals("2026 yilda oyiga 12 345 rubl"));
		telegram.userSays(user, "patent narxi qancha moskvada", "uz");
		assertThat(telegram.awaitScreen(user, 2, WAIT).text()).contains("oyiga 12 345 rubl");

		Path topic = directory.resolve("topics/patent.yaml");
		Files.writeString(topic, Files.readString(topic).replaceFirst("category: documents", "category: [broken"));
		Files.writeString(facts, Files.readString(facts) + "\n# touched again\n");
		FakeBotApi.Call notice = telegram.awaitCall("sendmessage",
				call -> call.chatId() == STAFF_CHAT_ID && call.text().contains("topics/patent.yaml"), WAIT);
		assertThat(notice.text()).contains("⚠️");
		telegram.userSays(user, "patent narxi qancha moskvada", "uz");
		assertThat(telegram.awaitScreen(user, 3, WAIT).text()).as("the last good version keeps answering")
			.contains("12 345");
		await().atMost(WAIT).until(this.reloader::isSettled);
		awaitQuiet();
		assertThat(telegram.calls("sendmessage"))
			.filteredOn(call -> call.chatId() == STAFF_CHAT_ID && call.text().contains("topics/patent.yaml"))
			.as("reported once")
			.hasSize(1);
	}

}
