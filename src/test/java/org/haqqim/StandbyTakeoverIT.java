package org.haqqim;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: on PostgreSQL a second packaged bot stands by, says so in its log and its
 * readiness, and when the bot on duty is killed with SIGKILL while ten people write, it
 * takes over within 15 seconds: no message is lost, none answered out of order, and only
 * the sends under way at the kill are repeated. The killed bot, started again, stands by
 * in its turn. Each run prints one line with the figures.
 */
class StandbyTakeoverIT extends PackagedBotTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Duration TAKEOVER_PROMISED = Duration.ofSeconds(15);

	private static final long STAFF_CHAT = -100_525_253L;

	private static final int SEND_THREADS = 16;

	/**
	 * Messages the people write before the kill, and again after the takeover: about 3 s
	 * of them.
	 */
	private static final int LOAD = 8;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private String databaseUrl;

	private Process active;

	private Process standby;

	private Process restarted;

	StandbyTakeoverIT() {
		super(STAFF_CHAT);
	}

	@BeforeEach
	void freshDatabase() throws Exception {
		this.databaseUrl = PackagedBot.freshPostgresqlDatabase();
	}

	@Test
	void whenTheBotOnDutyDiesTheStandbyTakesOverWithinSecondsAndLosesNothing() throws Exception {
		int activePort = freePort();
		this.active = startBot(activePort);
		this.packaged.awaitPolling(WAIT);
		await().atMost(WAIT).ignoreExceptions().until(() -> readiness(activePort).statusCode() == 200);

		int standbyPort = freePort();
		this.standby = startBot(standbyPort);
		await().atMost(WAIT).ignoreExceptions().until(() -> readiness(standbyPort).statusCode() == 503);
		assertThat(readiness(standbyPort).body()).contains("standing by");
		assertThat(this.packaged.logOf(this.standby)).contains("this one stands by");

		SteadyTraffic traffic = new SteadyTraffic(this.telegram, 941_000L, new Random(20261204));
		traffic.start(WAIT);
		await().atMost(WAIT).until(() -> traffic.written() >= LOAD);
		this.active.destroyForcibly();
		assertThat(this.active.waitFor(10, TimeUnit.SECONDS)).isTrue();
		long killed = System.nanoTime();
		await().atMost(TAKEOVER_PROMISED.plusSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> readiness(standbyPort).statusCode() == 200);
		Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
		assertThat(this.packaged.logOf(this.standby)).contains("this one takes over");
		int beforeTakeoverEnds = traffic.written();
		await().atMost(WAIT).until(() -> traffic.written() >= beforeTakeoverEnds + LOAD);
		traffic.stop();

		this.telegram.awaitQuiet(JdbcClient.create(new DriverManagerDataSource(this.databaseUrl, "postgres", "")),
				WAIT);
		SteadyTraffic.Tally tally = traffic.tally();
		System.out.printf(
				"STANDBY TAKEOVER postgresql: ready %.1f s after the kill, %d messages from %d people, %d lost, "
						+ "%d duplicated, %d out of order%n",
				takeover.toMillis() / 1000.0, tally.expected, traffic.people(), tally.lost, tally.duplicated,
				tally.outOfOrder);
		assertThat(takeover).as("time from the kill to the standby being ready").isLessThan(TAKEOVER_PROMISED);
		assertThat(tally.lost).as("messages never answered").isZero();
		assertThat(tally.outOfOrder).as("answers out of their chat's order").isZero();
		assertThat(tally.duplicated).as("at most the sends under way at the kill are repeated")
			.isLessThanOrEqualTo(SEND_THREADS);

		int restartedPort = freePort();
		this.restarted = startBot(restartedPort);
		await().atMost(WAIT).ignoreExceptions().until(() -> readiness(restartedPort).statusCode() == 503);
		assertThat(this.packaged.logOf(this.restarted)).as("the killed bot, started again, stands by")
			.contains("this one stands by");
		assertThat(readiness(standbyPort).statusCode()).as("the bot that took over stays on duty").isEqualTo(200);
	}

	private Process startBot(int managementPort) throws IOException {
		return this.packaged.start(
				Map.of("DATABASE_URL", this.databaseUrl, "DATABASE_USER", "postgres", "HAQQIM_TRANSPORT_SEND_THREADS",
						Integer.toString(SEND_THREADS), "HAQQIM_MANAGEMENT_PORT", Integer.toString(managementPort)));
	}

	private HttpResponse<String> readiness(int port) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
