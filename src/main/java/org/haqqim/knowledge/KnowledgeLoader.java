package org.haqqim.knowledge;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a knowledge directory and checks it: every problem is reported with its file and
 * line, and a {@link KnowledgeBase} is produced only when there is no error. Used at
 * start-up, on reload, by {@code ./haqqim validate} and by the test over the real
 * {@code knowledge/}. Each kind of file has its reader; each reader is given what the
 * files read before it hold.
 */
public final class KnowledgeLoader {

	private final Clock clock;

	public KnowledgeLoader(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The outcome of a load: the report, and the knowledge base when there were no
	 * errors.
	 */
	public record Result(ValidationReport report, Optional<KnowledgeBase> knowledge) {
	}

	/**
	 * The knowledge the bot uses. A fact past its date is only a warning here: the bot
	 * keeps answering and shows what the fact says to show instead.
	 */
	public Result load(Path path) {
		return load(path, false);
	}

	/**
	 * The check maintainers and the build run: as strict as loading, and a fact past its
	 * date is an error, so that someone updates it.
	 */
	public ValidationReport validate(Path directory) {
		return check(directory).report();
	}

	/** As {@link #validate}, with the knowledge base when it has no errors. */
	public Result check(Path directory) {
		return load(directory, true);
	}

	private Result load(Path path, boolean strict) {
		KnowledgeDirectory directory = new KnowledgeDirectory(path);
		if (!directory.exists()) {
			Problem missing = new Problem(Problem.Severity.ERROR, path.toString(), 0,
					"is not a directory with knowledge files");
			return new Result(new ValidationReport(List.of(missing)), Optional.empty());
		}
		Languages languages = LanguagesFile.read(directory);
		List<Category> categories = CategoriesFile.read(directory);
		TextFiles.Texts texts = TextFiles.read(directory, languages);
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Fact> facts = FactFiles.read(directory, languages, today, strict);
		TopicFiles.Topics topics = TopicFiles.read(directory, languages, categories, facts, today);
		Contacts contacts = ContactsFile.read(directory, languages);
		Glossary.read(directory, languages).checkAll(directory, topics.byId(), texts, facts, contacts, languages);
		Lexicon lexicon = MatchingFiles.read(directory, languages);
		Deadlines deadlines = DeadlinesFile.read(directory, languages, texts);
		Map<String, Announcement> announcements = AnnouncementFiles.read(directory, languages, topics.byId());
		CrossFileChecks.check(directory, languages, categories, texts, facts, topics);
		ValidationReport report = directory.report();
		if (report.hasErrors()) {
			return new Result(report, Optional.empty());
		}
		return new Result(report,
				Optional.of(new KnowledgeBase(languages.all(), languages.defaultLanguage(), categories, topics.byId(),
						facts, contacts, texts.byLanguage(), lexicon, deadlines, announcements, this.clock)));
	}

}
