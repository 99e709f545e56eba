package org.haqqim.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.haqqim.cli.RunningBot;
import org.haqqim.telegram.FakeBotApi;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
import org.haqqim.transport.Replies;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The load harness of issue 19 (BENCHMARKS.md): the bot in this JVM against the in-JVM
 * fake Bot API, on SQLite or PostgreSQL, in one of three scenarios.
 * <ul>
 * <li>{@code throughput UPDATES CHATS}: the fake holds UPDATES questions from CHATS people
 * (taken from the evaluation sets, in every language) and the bot's own pacing is lifted,
 * so what is measured is the bot: updates ingested and handled a second, all replies
 * sent, and CPU per update (the whole process, less the fake's threads);</li>
 * <li>{@code ingest UPDATES CHATS}: the same at Telegram's real pacing, until every update
 * is handled: what the bot takes in while it sends at 30 a second;</li>
 * <li>{@code burst PEOPLE}: at Telegram's real pacing, PEOPLE new people write at once,
 * and then someone new writes every two seconds: the time from an update's arrival at
 * the fake to the first reply the fake receives, p50 and p99, for the burst and for the
 * light load after it;</li>
 * <li>{@code backlog QUEUED}: at Telegram's real pacing, the CPU the outbox relay spends a
 * message sent with 1,000 and with QUEUED messages waiting, for a minute each;</li>
 * <li>{@code memory UPDATES CHATS}: the packaged jar (build it first) in a process of its
 * own, with the memory settings of {@code jvm.options} that {@code ./haqqim} and the image
 * use, handles UPDATES questions as in {@code throughput}; its RSS is read before and
 * after, and its start-up to the first poll is timed.</li>
 * </ul>
 * Every scenario ends with the heap after a full collection and the process's RSS.
 * Arguments: SCENARIO DATABASE (sqlite or postgresql) COUNT [CHATS] [TELEGRAM_LATENCY_MS].
 */
public final class IngestLoad {

	private static final long FIRST_PERSON = 700_000_000L;

	private static final String[] LANGUAGES = { "ru", "uz", "ky", "tg", "en" };

	private static final Duration POLL = Duration.ofMillis(10);

	private IngestLoad() {
	}

	public static void main(String[] args) throws Exception {
		String scenario = args.length > 0 ? args[0] : "throughput";
		String database = args.length > 1 ? args[1] : "sqlite";
		int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
		int chats = args.length > 3 ? Integer.parseInt(args[3]) : count / 2;
		int latency = args.length > 4 ? Integer.parseInt(args[4]) : 0;
		try (FakeBotApi telegram = new FakeBotApi().start()) {
			if (latency > 0) {
				telegram.failEverything(FakeBotApi.Fault.delay(Duration.ofMillis(latency)));
			}
			Map<String, String> environment = environment(telegram, database,
					scenario.equals("throughput") || scenario.equals("memory"));
			if (scenario.equals("memory")) {
				memory(telegram, environment, count, chats);
				return;
			}
			long starting = System.nanoTime();
			ConfigurableApplicationContext bot = RunningBot.start(environment);
			System.out.printf("%s on %s: started in %.1f s, first poll after %.1f s%n", scenario, database,
					(System.nanoTime() - starting) / 1e9, untilFirstPoll(telegram, starting) / 1e9);
			try (SingleConnectionDataSource watcher = new SingleConnectionDataSource(environment.get("DATABASE_URL"),
					"postgres", "", true)) {
				JdbcClient jdbc = JdbcClient.create(watcher);
				switch (scenario) {
					case "throughput" -> throughput(telegram, jdbc, count, chats, true);
					case "ingest" -> throughput(telegram, jdbc, count, chats, false);
					case "burst" -> burst(telegram, count);
					case "backlog" -> backlog(telegram, bot, count);
					default -> throw new IllegalArgumentException(
							"scenario must be throughput, ingest, burst, backlog or memory, not " + scenario);
				}
			}
			finally {
				bot.close();
			}
		}
	}

	private static Map<String, String> environment(FakeBotApi telegram, String database, boolean unpaced)
			throws Exception {
		Path directory = Files.createTempDirectory("haqqim-ingest-load");
		Map<String, String> environment = new HashMap<>(
				RunningBot.environment(telegram, -100_777L, directory.resolve("bot.db")));
		if (database.equals("postgresql")) {
			environment.put("DATABASE_URL", freshPostgresqlSchema());
			environment.put("DATABASE_USER", "postgres");
		}
		else if (!database.equals("sqlite")) {
			throw new IllegalArgumentException("database must be sqlite or postgresql, not " + database);
		}
		if (unpaced) {
			environment.put("HAQQIM_TELEGRAM_MESSAGES_PER_SECOND", "1000000");
			environment.put("HAQQIM_TELEGRAM_PRIVATE_CHAT_MESSAGES_PER_SECOND", "1000000");
		}
		return environment;
	}

	private static String freshPostgresqlSchema() throws Exception {
		String schema = "load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
				""); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
	}

	private static long untilFirstPoll(FakeBotApi telegram, long starting) throws InterruptedException {
		await().atMost(Duration.ofMinutes(1)).pollInterval(POLL).until(() -> !telegram.calls("getupdates").isEmpty());
		return System.nanoTime() - starting;
	}

	/**
	 * A warm-up of a tenth, then the measured run; unpaced, until every reply is sent, or
	 * at Telegram's pace, until every update is handled.
	 */
	private static void throughput(FakeBotApi telegram, JdbcClient jdbc, int updates, int chats, boolean untilSent)
			throws Exception {
		List<String> questions = questions();
		run(telegram, jdbc, updates / 10, Math.max(1, chats / 10), questions, FIRST_PERSON + 10_000_000L, "warm-up", true,
				untilSent);
		telegram.forgetCalls();
		run(telegram, jdbc, updates, chats, questions, FIRST_PERSON, "measured", true, untilSent);
		System.out.println(LoadFigures.memory() + " (bot and fake in one JVM)");
	}

	private static void run(FakeBotApi telegram, JdbcClient jdbc, int updates, int chats, List<String> questions,
			long firstPerson, String label, boolean inThisProcess, boolean untilSent) throws Exception {
		long handledBefore = count(jdbc, "SELECT COUNT(*) FROM inbox WHERE status = 'DONE'");
		long sentBefore = count(jdbc, "SELECT COUNT(*) FROM outbox WHERE status = 'SENT'");
		CpuTime before = CpuTime.now();
		long start = System.nanoTime();
		for (int i = 0; i < updates; i++) {
			long person = firstPerson + i % chats;
			telegram.userSays(person, questions.get(i % questions.size()), LANGUAGES[(int) (person % LANGUAGES.length)]);
		}
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(POLL)
			.until(() -> count(jdbc, "SELECT COUNT(*) FROM inbox WHERE status = 'DONE'") - handledBefore >= updates);
		double handled = (System.nanoTime() - start) / 1e9;
		String sends = "";
		if (untilSent) {
			await().atMost(Duration.ofMinutes(30))
				.pollInterval(POLL)
				.until(() -> count(jdbc, "SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')") == 0);
			long replies = count(jdbc, "SELECT COUNT(*) FROM outbox WHERE status = 'SENT'") - sentBefore;
			sends = String.format("; %d replies, all sent after %.2f s", replies, (System.nanoTime() - start) / 1e9);
		}
		CpuTime after = CpuTime.now();
		System.out.printf("%s: %d updates from %d chats handled in %.2f s = %.0f/s%s%n", label, updates, chats,
				handled, updates / handled, sends);
		if (inThisProcess) {
			System.out.printf("%s: CPU per update %.2f ms (bot), %.2f ms (process, fake included)%n", label,
					after.botMillisSince(before) / updates, after.processMillisSince(before) / updates);
		}
	}

	/**
	 * PEOPLE new people at once, then one every two seconds for a minute; latency from the
	 * update's arrival to the first reply the fake receives.
	 */
	private static void burst(FakeBotApi telegram, int people) throws Exception {
		List<String> questions = questions();
		Map<Long, Instant> asked = new HashMap<>();
		for (int i = 0; i < people; i++) {
			long person = FIRST_PERSON + i;
			asked.put(person, Instant.now());
			telegram.userSays(person, questions.get(i % questions.size()), LANGUAGES[i % LANGUAGES.length]);
		}
		Map<Long, Long> firstReply = new HashMap<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		int seen = 0;
		while (firstReply.size() < people && System.nanoTime() < deadline) {
			Thread.sleep(100);
			List<FakeBotApi.Call> calls = telegram.calls();
			for (FakeBotApi.Call call : calls.subList(seen, calls.size())) {
				if (call.accepted() && call.method().equals("sendmessage") && asked.containsKey(call.chatId())) {
					firstReply.putIfAbsent(call.chatId(),
							Duration.between(asked.get(call.chatId()), call.at()).toMillis());
				}
			}
			seen = calls.size();
		}
		List<Long> latencies = new ArrayList<>(firstReply.values());
		long sent = telegram.calls("sendmessage").stream().filter(FakeBotApi.Call::accepted).count();
		System.out.printf("burst: %d people, %d answered; first reply p50 %d ms p99 %d ms max %d ms; %d messages sent%n",
				people, latencies.size(), LoadFigures.percentile(latencies, 50), LoadFigures.percentile(latencies, 99),
				Collections.max(latencies), sent);
		List<Long> light = new ArrayList<>();
		long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		long person = FIRST_PERSON + people + 1_000;
		while (System.nanoTime() < end) {
			long at = System.nanoTime();
			long current = person++;
			telegram.userSays(current, questions.get((int) (current % questions.size())), "ru");
			await().atMost(Duration.ofSeconds(30)).pollInterval(POLL).until(() -> !telegram.textsSentTo(current).isEmpty());
			long took = (System.nanoTime() - at) / 1_000_000;
			light.add(took);
			Thread.sleep(Math.max(0, 2000 - took));
		}
		System.out.printf("light load after it: %d people, first reply p50 %d ms p99 %d ms max %d ms%n", light.size(),
				LoadFigures.percentile(light, 50), LoadFigures.percentile(light, 99), Collections.max(light));
		System.out.println(LoadFigures.memory() + " (bot and fake in one JVM)");
	}

	/**
	 * The packaged jar with the memory settings in {@code jvm.options}: RSS once it polls
	 * and after UPDATES questions.
	 */
	private static void memory(FakeBotApi telegram, Map<String, String> environment, int updates, int chats)
			throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "@jvm.options", "-jar", "target/haqqim.jar");
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true);
		builder.redirectOutput(Files.createTempFile("haqqim-memory", ".log").toFile());
		long starting = System.nanoTime();
		Process bot = builder.start();
		try {
			System.out.printf("memory: the packaged jar polled %.1f s after it was started; RSS %s%n",
					untilFirstPoll(telegram, starting) / 1e9, LoadFigures.rss(bot.pid()));
			try (SingleConnectionDataSource watcher = new SingleConnectionDataSource(environment.get("DATABASE_URL"),
					"postgres", "", true)) {
				JdbcClient jdbc = JdbcClient.create(watcher);
				run(telegram, jdbc, updates, chats, questions(), FIRST_PERSON, "memory", false, true);
			}
			System.out.printf("memory: RSS after %d updates %s%n", updates, LoadFigures.rss(bot.pid()));
		}
		finally {
			bot.destroy();
			bot.waitFor();
		}
	}


	/**
	 * The relay's CPU a message sent, for a minute each, with 1,000 and with QUEUED
	 * messages waiting to as many chats.
	 */
	private static void backlog(FakeBotApi telegram, ConfigurableApplicationContext bot, int queued)
			throws InterruptedException {
		for (int waiting : new int[] { 1_000, queued }) {
			queue(bot, FIRST_PERSON + waiting * 10L, waiting);
			telegram.forgetCalls();
			Thread.sleep(5_000);
			long sentBefore = sentCount(telegram);
			CpuTime before = CpuTime.now();
			Thread.sleep(60_000);
			CpuTime after = CpuTime.now();
			long sent = sentCount(telegram) - sentBefore;
			System.out.printf(
					"backlog of %d: %d sent in a minute = %.1f/s; relay CPU per message sent %.2f ms, bot %.2f ms%n",
					waiting, sent, sent / 60.0, after.relayMillisSince(before) / sent, after.botMillisSince(before) / sent);
			drain(bot);
		}
		System.out.println(LoadFigures.memory() + " (bot and fake in one JVM)");
	}

	private static void queue(ConfigurableApplicationContext bot, long firstChat, int messages) {
		Outbox outbox = bot.getBean(Outbox.class);
		bot.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
			for (int i = 0; i < messages; i++) {
				outbox.enqueue(Replies.of(OutboundMessage.Text.of(firstChat + i, "Backlog message " + i)));
			}
		});
	}

	/** What the last minute did not send is dropped, so that the next run starts anew. */
	private static void drain(ConfigurableApplicationContext bot) {
		JdbcClient.create(bot.getBean(javax.sql.DataSource.class))
			.sql("UPDATE outbox SET status = 'FAILED' WHERE status = 'PENDING'")
			.update();
	}

	private static long sentCount(FakeBotApi telegram) {
		return telegram.calls("sendmessage").stream().filter(FakeBotApi.Call::accepted).count();
	}

	private static List<String> questions() throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<String> questions = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("src/test/resources/evaluation/messages.jsonl"),
				StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				JsonNode message = json.readTree(line);
				questions.add(message.path("text").asText());
			}
		}
		return questions;
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}




	/**
	 * CPU time so far: of the whole process, of the fake's threads (MockWebServer's), of
	 * the relay's threads, and of this harness's own thread.
	 */
	private record CpuTime(long process, long fake, long relay, long harness) {

		static CpuTime now() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long fake = 0;
			long relay = 0;
			for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (thread == null) {
					continue;
				}
				long cpu = Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
				if (thread.getThreadName().startsWith("MockWebServer")) {
					fake += cpu;
				}
				else if (thread.getThreadName().startsWith("outbox-")) {
					relay += cpu;
				}
			}
			long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			return new CpuTime(process, fake, relay, threads.getCurrentThreadCpuTime());
		}

		double processMillisSince(CpuTime before) {
			return (this.process - before.process) / 1e6;
		}

		double botMillisSince(CpuTime before) {
			return (this.process - before.process - (this.fake - before.fake) - (this.harness - before.harness)) / 1e6;
		}

		double relayMillisSince(CpuTime before) {
			return (this.relay - before.relay) / 1e6;
		}

	}

}
