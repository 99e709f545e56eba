package org.haqqim.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.matching.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./haqqim evaluate FILE [--misses]}: accuracy per language on a labelled set,
 * next to plain BM25.
 */
@Command(name = "evaluate",
		description = { "Measures the matcher on a labelled set.",
				"Accuracy per language, next to plain Lucene BM25. Each line of FILE is",
				"{\"text\":…,\"language\":…,\"topic\":id or null,\"urgent\":bool}." })
final class EvaluateCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", description = "the labelled set")
	Path file;

	@Option(names = "--misses", description = "also list every message the matcher got wrong")
	boolean misses;

	@Spec
	CommandSpec spec;

	private final Settings settings;

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	EvaluateCommand(Settings settings, Clock clock, PrintStream out, PrintStream err) {
		this.settings = settings;
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		if (!Files.isRegularFile(this.file)) {
			throw new ParameterException(this.spec.commandLine(), "FILE '" + this.file + "' is not a file");
		}
		Optional<KnowledgeBase> knowledge = LoadedKnowledge.load(this.settings, this.clock, this.err);
		if (knowledge.isEmpty()) {
			return 1;
		}
		Evaluation.Report report = new Evaluation(knowledge.get(), this.settings.matching())
			.run(Evaluation.read(this.file));
		this.out.print(report.toTable());
		if (this.misses) {
			report.misses().forEach(this.out::println);
		}
		return 0;
	}

}
