package org.haqqim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.matching.Calibration;
import org.haqqim.matching.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./haqqim calibrate FILE... --out MODEL}: fits the confidence model on labelled
 * sets and writes it where the matcher reads it from.
 */
@Command(name = "calibrate",
		description = { "Fits the confidence model on labelled sets.",
				"The model estimates how likely the topic the bot would answer with is the one asked about;",
				"fit it on the sets used for tuning only, and check it with './haqqim evaluate' on a set",
				"kept apart. Writes the model to --out, or prints it." })
final class CalibrateCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "the labelled sets to fit on")
	List<Path> files;

	@Option(names = "--out", paramLabel = "MODEL",
			description = "where to write the model (src/main/resources/org/haqqim/matching/confidence.yaml)")
	Path out;

	@Spec
	CommandSpec spec;

	private final Settings settings;

	private final Clock clock;

	private final PrintStream stdout;

	private final PrintStream err;

	CalibrateCommand(Settings settings, Clock clock, PrintStream stdout, PrintStream err) {
		this.settings = settings;
		this.clock = clock;
		this.stdout = stdout;
		this.err = err;
	}

	@Override
	public Integer call() {
		for (Path file : this.files) {
			if (!Files.isRegularFile(file)) {
				throw new ParameterException(this.spec.commandLine(), "FILE '" + file + "' is not a file");
			}
		}
		Optional<KnowledgeBase> knowledge = LoadedKnowledge.load(this.settings, this.clock, this.err);
		if (knowledge.isEmpty()) {
			return 1;
		}
		List<Evaluation.Sample> samples = new ArrayList<>();
		this.files.forEach(file -> samples.addAll(Evaluation.read(file)));
		Calibration calibration = Calibration.fit(knowledge.get(), this.settings.matching(), samples);
		String model = calibration.toYaml(this.files.stream().map(file -> file.getFileName().toString()).toList(),
				LocalDate.now(this.clock));
		if (this.out == null) {
			this.stdout.print(model);
		}
		else {
			write(model);
			this.stdout.printf("fitted on %d messages (%d topics weighed), written to %s%n", calibration.messages(),
					calibration.examples(), this.out);
		}
		return 0;
	}

	private void write(String model) {
		try {
			Files.writeString(this.out, model, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The model could not be written to " + this.out, ex);
		}
	}

}
