package org.haqqim.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.haqqim.conversation.TopicFeedback;
import org.haqqim.matching.MatchingEngine;
import org.haqqim.matching.Question;
import org.haqqim.matching.UnansweredQuestions;
import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./haqqim unanswered}: the questions the bot could not answer, grouped, with
 * counts and the topic nearest to each group, for maintainers deciding what to add.
 */
@Command(name = "unanswered",
		description = { "Lists the questions the bot could not answer.",
				"Grouped by similarity, with counts and the nearest topic: what to add to the knowledge base",
				"next; then the answers people said did not help. It reads the database in DATABASE_URL." })
final class UnansweredCommand implements Callable<Integer> {

	private static final int EXAMPLES = 4;

	private final Bot bot;

	private final Settings settings;

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	UnansweredCommand(Bot bot, Settings settings, Clock clock, PrintStream out, PrintStream err) {
		this.bot = bot;
		this.settings = settings;
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = this.bot.start(Mode.COMMAND)) {
			List<UnansweredQuestions.Group> groups = context.getBean(UnansweredQuestions.class).groups();
			List<TopicFeedback.Rating> notHelpful = context.getBean(TopicFeedback.class).notHelpful();
			if (groups.isEmpty()) {
				this.out.println("No unanswered questions are kept.");
			}
			else {
				printGroups(groups);
			}
			if (!notHelpful.isEmpty()) {
				this.out.printf("%nAnswers people said did not help:%n");
				notHelpful.forEach(rating -> this.out.printf("%4d× 👎 %4d× 👍  %s [%s]%n", rating.notHelpful(),
						rating.helpful(), rating.topic(), rating.language()));
			}
			return 0;
		}
	}

	private void printGroups(List<UnansweredQuestions.Group> groups) {
		Optional<MatchingEngine> engine = LoadedKnowledge.engine(this.settings, this.clock, this.err);
		for (UnansweredQuestions.Group group : groups) {
			UnansweredQuestions.Entry example = group.example();
			this.out.printf("%4d× [%s] %s%n", group.questions().size(), example.language(), example.text());
			group.questions()
				.stream()
				.skip(1)
				.limit(EXAMPLES)
				.forEach(entry -> this.out.printf("        %s%n", entry.text()));
			engine.flatMap(matching -> matching.match(Question.of(example.text())).bestTopic())
				.ifPresent(topic -> this.out.printf("      nearest topic: %s%n", topic));
		}
	}

}
