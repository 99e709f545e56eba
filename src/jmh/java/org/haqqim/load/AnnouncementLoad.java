package org.haqqim.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haqqim.announcements.Announcements;
import org.haqqim.cli.RunningBot;
import org.haqqim.knowledge.Announcement;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.Source;
import org.haqqim.telegram.FakeBotApi;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The announcement benchmark of issue 17 (BENCHMARKS.md): the bot, at Telegram's real
 * pacing, against a fast fake Bot API, sends an announcement to SUBSCRIBERS people for
 * MINUTES while someone new asks for /help every two seconds. Prints, each minute and at
 * the end, the announcements sent per second, the latency from a question to its answer
 * (p50, p99, max), the heap after a collection and the process's resident memory (bot
 * and fake together, in one JVM).
 * Arguments: SUBSCRIBERS (100000) MINUTES (10).
 */
public final class AnnouncementLoad {

	private static final String TEXT = "📣 The patent price changes.";

	private AnnouncementLoad() {
	}

	public static void main(String[] args) throws Exception {
		int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		Path directory = Files.createTempDirectory("haqqim-announcement-load");
		Path database = directory.resolve("bot.db");
		try (FakeBotApi telegram = new FakeBotApi().start()) {
			ConfigurableApplicationContext bot = RunningBot.start(RunningBot.environment(telegram, -100_777L, database));
			try {
				JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + database));
				long started = System.nanoTime();
				jdbc.sql("""
						WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
						INSERT INTO chat_user (chat_id, language, citizenship, settings_offered, created_at, updated_at)
						SELECT 500000000 + i, 'en', 'UZ', 1, 0, 0 FROM n""").param(subscribers).update();
				jdbc.sql("INSERT INTO subscription (chat_id, topic, created_at) SELECT chat_id, 'patent', 0 FROM chat_user")
					.update();
				Announcement announcement = new Announcement("load-" + System.currentTimeMillis(),
						LocalDate.now(), Set.of("patent"), Set.of(),
						List.of(new Source("Benchmark", "https://example.org/load", LocalDate.now(), null)),
						Map.of("ru", "The patent price changes.", "uz", "The patent price changes.", "uz-Cyrl",
								"The patent price changes.", "ky", "The patent price changes.", "tg",
								"The patent price changes.", "en", "The patent price changes."));
				int queued = bot.getBean(Announcements.class)
					.queue(announcement, bot.getBean(CurrentKnowledge.class).current());
				System.out.printf("queued for %d subscribers in %.1f s%n", queued,
						(System.nanoTime() - started) / 1e9);
				measure(telegram, minutes);
			}
			finally {
				bot.close();
			}
		}
	}

	private static void measure(FakeBotApi telegram, int minutes) throws InterruptedException {
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		long asker = 900_000_000L;
		long sentBefore = 0;
		for (int minute = 1; minute <= minutes; minute++) {
			long minuteEnd = start + Duration.ofMinutes(minute).toNanos();
			List<Long> thisMinute = new ArrayList<>();
			while (System.nanoTime() < minuteEnd) {
				long person = asker++;
				long asked = System.nanoTime();
				telegram.userSays(person, "/help", "en");
				while (telegram.textsSentTo(person).isEmpty() && System.nanoTime() - asked < 30_000_000_000L) {
					Thread.sleep(5);
				}
				long latency = (System.nanoTime() - asked) / 1_000_000;
				thisMinute.add(latency);
				latencies.add(latency);
				Thread.sleep(Math.max(0, 2000 - latency));
			}
			long sent = sentBefore + sent(telegram);
			// the fake keeps every call; forgetting them each minute keeps its memory and
			// its searches out of what is measured
			telegram.forgetCalls();
			System.out.printf("minute %d: %.1f announcements/s, answers p50 %d ms p99 %d ms max %d ms, %s%n", minute,
					(sent - sentBefore) / 60.0, LoadFigures.percentile(thisMinute, 50), LoadFigures.percentile(thisMinute, 99),
					Collections.max(thisMinute), LoadFigures.memory());
			sentBefore = sent;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("ALL: %d announcements in %.0f s = %.1f/s; %d answers p50 %d ms p99 %d ms max %d ms; %s%n",
				sentBefore, seconds, sentBefore / seconds, latencies.size(), LoadFigures.percentile(latencies, 50),
				LoadFigures.percentile(latencies, 99), Collections.max(latencies), LoadFigures.memory());
	}

	private static long sent(FakeBotApi telegram) {
		return telegram.calls("sendmessage").stream().filter(call -> call.accepted() && TEXT.equals(call.text())).count();
	}



}
