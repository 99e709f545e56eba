package org.haqqim.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.haqqim.system.Failures;
import org.haqqim.system.StartupRefusal;
import org.haqqim.telegram.TokenRedaction;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line: runs the bot on Telegram or in the console, or one of the
 * maintainers' commands, each with {@code --help}. A bad argument is named, with the
 * command's usage; a start-up problem is reported in one line, without a stack trace and
 * without secrets.
 */
public final class Launcher {

	/** Exit status of a command line that could not be read. */
	static final int USAGE = 2;

	private static final int USAGE_WIDTH = 100;

	private final Class<?> application;

	private final Map<String, String> environment;

	private final InputStream in;

	private final PrintStream out;

	private final PrintStream err;

	private final Clock clock;

	/**
	 * @param application the Spring Boot application the bot runs as
	 * @param environment the process environment: the only source of settings besides
	 * {@code application.yml}
	 */
	public Launcher(Class<?> application, Map<String, String> environment, InputStream in, PrintStream out,
			PrintStream err) {
		this(application, environment, in, out, err, Clock.systemUTC());
	}

	Launcher(Class<?> application, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err,
			Clock clock) {
		this.application = application;
		this.environment = Map.copyOf(environment);
		this.in = in;
		this.out = out;
		this.err = err;
		this.clock = clock;
	}

	/** What the process should do once the command has run. */
	public sealed interface Outcome {

		/** Exit with this status. */
		record Exit(int code) implements Outcome {
		}

		/** Keep running: the bot works on its own threads until it is stopped. */
		record KeepRunning(ConfigurableApplicationContext context) implements Outcome {
		}

	}

	public Outcome run(String... args) {
		CommandLineLogging logging = new CommandLineLogging();
		logging.quiet();
		Bot bot = new Bot(this.application, this.environment, logging);
		int code = commandLine(bot).execute(args);
		return bot.running().<Outcome>map(Outcome.KeepRunning::new).orElseGet(() -> new Outcome.Exit(code));
	}

	private CommandLine commandLine(Bot bot) {
		Settings settings = Settings.of(this.environment);
		RunCommand run = new RunCommand(bot, this.in, this.out);
		CommandLine line = new CommandLine(run);
		line.addSubcommand(new RunCommand.Console(run));
		line.addSubcommand(new RunCommand.Telegram(run));
		line.addSubcommand(new ValidateCommand(settings, this.clock, this.out));
		line.addSubcommand(new AskCommand(settings, this.clock, this.in, this.out, this.err));
		line.addSubcommand(new EvaluateCommand(settings, this.clock, this.out, this.err));
		line.addSubcommand(new CalibrateCommand(settings, this.clock, this.out, this.err));
		line.addSubcommand(new UnansweredCommand(bot, settings, this.clock, this.out, this.err));
		line.addSubcommand(new LinksCommand(settings, this.clock, this.out, this.err));
		line.addSubcommand(new AnnounceCommand(bot, settings, this.clock, this.out, this.err));
		line.addSubcommand(new HealthCommand(settings, this.clock, this.out));
		line.addSubcommand(new BackupCommand.Backup(settings, this.out));
		line.addSubcommand(new BackupCommand.Restore(settings, this.out));
		line.addSubcommand(new CommandLine.HelpCommand());
		line.getSubcommands().values().forEach(Launcher::addHelpOption);
		addHelpOption(line);
		line.setUsageHelpWidth(USAGE_WIDTH);
		line.setOut(new PrintWriter(new OutputStreamWriter(this.out, StandardCharsets.UTF_8), true));
		line.setErr(new PrintWriter(new OutputStreamWriter(this.err, StandardCharsets.UTF_8), true));
		line.setParameterExceptionHandler(this::badArguments);
		line.setExecutionExceptionHandler((failure, failed, parsed) -> {
			this.err.println("haqqim: " + describeStartupFailure(failure));
			return 1;
		});
		return line;
	}

	/** Names what is wrong with the arguments, then shows how the command is used. */
	private int badArguments(ParameterException problem, String[] args) {
		CommandLine command = problem.getCommandLine();
		boolean unknownCommand = problem instanceof UnmatchedArgumentException unmatched && command.getParent() == null
				&& !unmatched.getUnmatched().isEmpty()
				&& unmatched.getUnmatched().get(0).equals(args.length > 0 ? args[0] : null);
		PrintWriter writer = command.getErr();
		writer.println("haqqim: " + (unknownCommand ? "unknown command '" + args[0] + "'" : problem.getMessage()));
		UnmatchedArgumentException.printSuggestions(problem, writer);
		writer.print(command.getUsageMessage());
		writer.flush();
		return USAGE;
	}

	private static void addHelpOption(CommandLine command) {
		if (command.getCommandSpec().optionsMap().containsKey("--help")
				|| command.getCommand() instanceof CommandLine.HelpCommand) {
			return;
		}
		command.getCommandSpec()
			.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
				.usageHelp(true)
				.description("Show this help and exit.")
				.build());
	}

	/**
	 * One line for the operator: our own refusal when there is one, else the innermost
	 * cause.
	 */
	static String describeStartupFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StartupRefusal refusal) {
				return TokenRedaction.redact(refusal.getMessage());
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		Optional<String> setting = SettingProblem.describe(failure);
		if (setting.isPresent()) {
			return TokenRedaction.redact(setting.get());
		}
		Throwable root = Failures.root(failure);
		String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
		return TokenRedaction.redact("cannot start: " + root.getClass().getSimpleName() + message);
	}

}
