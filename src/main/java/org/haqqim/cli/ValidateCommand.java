package org.haqqim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.haqqim.knowledge.KnowledgeLoader;
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
		ValidationReport report = new KnowledgeLoader(this.clock).validate(checked);
		this.out.print(this.json ? report.toJson() : report.toText());
		this.out.flush();
		return report.hasErrors() ? 1 : 0;
	}

}
