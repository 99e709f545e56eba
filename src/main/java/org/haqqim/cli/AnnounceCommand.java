package org.haqqim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.haqqim.announcements.Announcements;
import org.haqqim.knowledge.Announcement;
import org.haqqim.knowledge.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./haqqim announce FILE [--dry-run]}: a rule-change alert from
 * knowledge/announcements/, to the people subscribed to its topics. The dry run says how
 * many it would reach; the real one queues it once, and the bot on duty sends it.
 */
@Command(name = "announce",
		description = { "Sends an announcement to the people subscribed to its topics.",
				"FILE is one of knowledge/announcements/*.yaml (./haqqim validate checks it). With --dry-run it says",
				"how many people it would reach; without, it queues it once for them, and the running bot sends it",
				"after people's own replies, at Telegram's pace, and tells the staff chat when it has gone out." })
final class AnnounceCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", description = "the announcement, knowledge/announcements/ID.yaml")
	Path file;

	@Option(names = "--dry-run", description = "only say how many people it would reach")
	boolean dryRun;

	private final Bot bot;

	private final Settings settings;

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	AnnounceCommand(Bot bot, Settings settings, Clock clock, PrintStream out, PrintStream err) {
		this.bot = bot;
		this.settings = settings;
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		Optional<KnowledgeBase> base = LoadedKnowledge.load(this.settings, this.clock, this.err);
		if (base.isEmpty()) {
			return 1;
		}
		String id = this.file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
		Optional<Announcement> announcement = base.get().announcement(id);
		if (announcement.isEmpty()) {
			this.err.println("haqqim: no announcement '" + id + "' in " + this.settings.knowledge().directory()
					+ "/announcements; write it there as " + id + ".yaml and run ./haqqim validate");
			return 1;
		}
		try (ConfigurableApplicationContext context = this.bot.start(Mode.COMMAND)) {
			Announcements announcements = context.getBean(Announcements.class);
			Announcement found = announcement.get();
			String whom = "subscribed to " + String.join(", ", found.topics())
					+ (found.citizenships().isEmpty() ? "" : " (citizens of "
							+ found.citizenships().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
							+ ")");
			Optional<Instant> queued = announcements.queuedAt(found);
			if (queued.isPresent()) {
				this.err.println("haqqim: announcement '" + id + "' was queued on " + queued.get()
						+ "; an announcement is sent once: copy it under a new name to send it again");
				return 1;
			}
			if (this.dryRun) {
				this.out.printf("Would reach %d people %s.%n", announcements.reach(found), whom);
				return 0;
			}
			int queuedFor = announcements.queue(found, base.get());
			this.out.printf("Queued for %d people %s. The bot on duty sends it after people's own replies, at"
					+ " Telegram's pace, and tells the staff chat when it has gone out.%n", queuedFor, whom);
			return 0;
		}
	}

}
