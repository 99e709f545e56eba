package org.haqqim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: an operator's view of the running bot, on a port of its own at 127.0.0.1:
 * ready only when the database, the knowledge and polling work; metrics for what the bot
 * receives, answers, sends and keeps waiting, none of them naming a person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
@AutoConfigureMetrics
class HealthAndMetricsTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Pattern LABELS = Pattern.compile("\\{([^}]*)}");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	int port;

	@Test
	void readinessSaysWhatTheBotNeedsAndLivenessThatItRuns() throws Exception {
		await().atMost(WAIT).until(() -> get("/actuator/health/readiness").contains("\"status\":\"UP\""));
		String readiness = get("/actuator/health/readiness");
		assertThat(readiness).contains("\"db\"", "\"knowledge\"", "\"telegramPolling\"", "lastSuccessfulPoll");
		assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
	}

	@Test
	void metricsCountWhatHappensAndNeverNameAPerson() throws Exception {
		long user = onboarded("ru", "KG");
		telegram.userSays(user, "как получить патент в москве", "ru");
		telegram.awaitScreen(user, 4, WAIT);
		awaitQuiet();
		String metrics = get("/actuator/prometheus");
		assertThat(metrics).contains("haqqim_telegram_updates_received_total", "haqqim_telegram_poll_errors_total",
				"haqqim_updates_handled_seconds_count{application=\"haqqim\",outcome=\"done\"}",
				"haqqim_sends_total{application=\"haqqim\",result=\"ok\"}",
				"haqqim_outbox_waiting{application=\"haqqim\",kind=\"person\"}",
				"haqqim_outbox_oldest_age_seconds{application=\"haqqim\",kind=\"staff\"}",
				"haqqim_cases_waiting{application=\"haqqim\",desk=\"main\",urgent=\"true\"}",
				"haqqim_knowledge_reloads_total{application=\"haqqim\",result=\"taken\"}");
		assertThat(metrics).containsPattern("haqqim_matches_total\\{[^}]*decision=\"[a-z-]+\",language=\"ru\"");
		Matcher labels = LABELS.matcher(metrics);
		while (labels.find()) {
			assertThat(labels.group(1)).as("no label carries a chat or a person's words")
				.doesNotContain(Long.toString(user))
				.doesNotContain("патент");
		}
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
