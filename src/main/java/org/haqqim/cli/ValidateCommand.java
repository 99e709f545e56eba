package org.haqqim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

import org.haqqim.knowledge.Deadline;
import org.haqqim.knowledge.Holidays;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.haqqim.knowledge.Source;
import org.haqqim.knowledge.TopicStanding;
import org.haqqim.knowledge.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./haqqim validate [DIR] [--json]}: 0 when the directory has no errors, 1
 * otherwise.
 */
@Command(name = "validate", description = { "Checks a knowledge directory.",
		"Checks it as the bot does before it uses it. Exits with 0 when it has no errors, 1 otherwise." })
final class ValidateCommand implements Callable<Integer> {

	@Parameters(arity = "0..1", paramLabel = "DIR",
			description = "the knowledge directory (default: KNOWLEDGE_DIR, else ./knowledge)")
	Path directory;

	@Option(names = "--json", description = "the report as JSON, for tools")
	boolean json;

	private static final int EXPIRY_DAYS = 60;

	private final Settings settings;

	private final Clock clock;

	private final PrintStream out;

	ValidateCommand(Settings settings, Clock clock, PrintStream out) {
		this.settings = settings;
		this.clock = clock;
		this.out = out;
	}

	@Override
	public Integer call() {
		Path checked = this.directory != null ? this.directory : this.settings.knowledge().directory();
		KnowledgeLoader.Result result = new KnowledgeLoader(this.clock).check(checked);
		ValidationReport report = result.report();
		this.out.print(this.json ? report.toJson() : report.toText());
		if (!this.json) {
			result.knowledge()
				.ifPresent(knowledge -> this.out
					.print(standings(knowledge) + deadlines(knowledge, LocalDate.now(this.clock).getYear())));
		}
		this.out.flush();
		return report.hasErrors() ? 1 : 0;
	}

	/**
	 * One line per topic: its sources (how many were read first-hand, how many only
	 * through the research, how many name a site but not the page), the facts that expire
	 * soon, and each language's status.
	 */
	private static String standings(KnowledgeBase knowledge) {
		StringBuilder table = new StringBuilder("\nTopics: sources (first-hand + read through research, site address"
				+ " only), facts that expire within " + EXPIRY_DAYS + " days, translations\n");
		for (TopicStanding topic : knowledge.standings(EXPIRY_DAYS)) {
			StringJoiner expiring = new StringJoiner(", ");
			topic.expiring().forEach((fact, until) -> expiring.add(fact + " until " + until));
			StringJoiner languages = new StringJoiner(" ");
			topic.statuses()
				.forEach((language, status) -> languages.add(language + ":" + status.name().toLowerCase(Locale.ROOT)));
			table.append(String.format(Locale.ROOT, "  %-32s %2d+%d (%d)  %s  %s%n", topic.id(), topic.readFirstHand(),
					topic.sources().size() - topic.readFirstHand(), topic.siteAddressesOnly(),
					expiring.length() == 0 ? "no fact expires" : expiring, languages));
		}
		return table.toString();
	}

	/**
	 * One line per deadline of My dates: what it counts from, for whom, whether it gets a
	 * date (a count in working days needs this year's holidays), and its sources.
	 */
	private static String deadlines(KnowledgeBase knowledge, int year) {
		StringBuilder table = new StringBuilder("\nDeadlines (My dates): counted from, citizenships, "
				+ "dated or \"ask the consulate\", sources (first-hand + read through research), reviewed\n");
		for (Deadline deadline : knowledge.deadlines().all()) {
			long firstHand = deadline.sources().stream().filter(Source::readFirstHand).count();
			String citizenships = deadline.citizenships()
				.stream()
				.map(Enum::name)
				.sorted()
				.collect(Collectors.joining(","));
			table.append(String.format(Locale.ROOT, "  %-26s %-19s %-16s %-18s %d+%d  %s%n", deadline.id(),
					deadline.countsFrom().id(), citizenships, dating(deadline, knowledge.deadlines().holidays(), year),
					firstHand, deadline.sources().size() - firstHand, deadline.reviewed()));
		}
		return table.toString();
	}

	private static String dating(Deadline deadline, Holidays holidays, int year) {
		if (!deadline.checked()) {
			return "ask the consulate";
		}
		boolean workingDays = deadline.counting() instanceof Deadline.Counting.WorkingDays;
		return workingDays && !holidays.covers(year) ? "needs " + year + " holidays" : "dated";
	}

}
