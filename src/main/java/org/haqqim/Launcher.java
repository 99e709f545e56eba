package org.haqqim;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haqqim.console.ConsoleChat;
import org.haqqim.system.StartupRefusal;
import org.haqqim.telegram.TokenRedaction;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The command line: runs the bot on Telegram or in the console, or one of the
 * maintainers' commands. A start-up problem is reported in one line, without a stack
 * trace and without secrets.
 */
public final class Launcher {

	static final String USAGE = """
			Usage: ./haqqim [command]
			  (no command)           run the bot: on Telegram when TELEGRAM_BOT_TOKEN is set, else the console chat
			  console                the console chat: type as a migrant, see the bot's replies
			  validate [DIR] [--json]  check a knowledge directory (default: KNOWLEDGE_DIR or ./knowledge)
			  ask "TEXT"             show how the bot understands a question
			  ask --jsonl            the same for JSON lines on standard input
			  evaluate FILE [--misses]  accuracy per language on a labelled JSON-lines set, next to plain BM25
			  unanswered             questions the bot could not answer, grouped, with counts
			  health [SECONDS]       0 when Telegram was polled within SECONDS (default 180), for health checks
			  help                   this text
			""";

	private final Map<String, String> environment;

	private final InputStream in;

	private final PrintStream out;

	private final PrintStream err;

	public Launcher(Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
		this.environment = environment;
		this.in = in;
		this.out = out;
		this.err = err;
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
		List<String> arguments = Arrays.asList(args);
		String command = arguments.isEmpty() ? "" : arguments.get(0);
		List<String> rest = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
		try {
			return switch (command) {
				case "" -> hasToken() ? runTelegram() : runConsole();
				case "console" -> runConsole();
				case "telegram" -> runTelegram();
				case "validate" -> new Outcome.Exit(Commands.validate(rest, this.environment, this.out, this.err));
				case "ask" -> new Outcome.Exit(Commands.ask(rest, this.environment, this.in, this.out, this.err));
				case "evaluate" -> new Outcome.Exit(Commands.evaluate(rest, this.environment, this.out, this.err));
				case "unanswered" -> runUnanswered();
				case "health" -> new Outcome.Exit(Commands.health(rest, this.environment, this.out));
				case "help", "--help", "-h" -> {
					this.out.print(USAGE);
					yield new Outcome.Exit(0);
				}
				default -> {
					this.err.println("haqqim: unknown command '" + command + "'");
					this.err.print(USAGE);
					yield new Outcome.Exit(2);
				}
			};
		}
		catch (RuntimeException ex) {
			this.err.println("haqqim: " + describeStartupFailure(ex));
			return new Outcome.Exit(1);
		}
	}

	private boolean hasToken() {
		String token = this.environment.get("TELEGRAM_BOT_TOKEN");
		return token != null && !token.isBlank();
	}

	private Outcome runTelegram() {
		ConfigurableApplicationContext context = start("telegram", false);
		return new Outcome.KeepRunning(context);
	}

	private Outcome runConsole() {
		try (ConfigurableApplicationContext context = start("console", true)) {
			context.getBean(ConsoleChat.class).run(this.in, this.out);
		}
		return new Outcome.Exit(0);
	}

	private Outcome runUnanswered() {
		try (ConfigurableApplicationContext context = start("cli", true)) {
			return new Outcome.Exit(Commands.unanswered(context, this.environment, this.out, this.err));
		}
	}

	private ConfigurableApplicationContext start(String mode, boolean quiet) {
		List<String> properties = new ArrayList<>();
		properties.add("--haqqim.mode=" + mode);
		if (quiet) {
			properties.add("--logging.level.root=WARN");
			properties.add("--haqqim.log-target=System.err");
			properties.add("--spring.main.log-startup-info=false");
		}
		if ("console".equals(mode) && !this.environment.containsKey("DATABASE_URL")) {
			properties.add("--haqqim.database.url=jdbc:sqlite:./data/console.db");
		}
		StandardEnvironment springEnvironment = new StandardEnvironment();
		springEnvironment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("launcherEnvironment", new HashMap<>(this.environment)));
		return new SpringApplicationBuilder(HaqqimApplication.class).web(WebApplicationType.NONE)
			.environment(springEnvironment)
			.run(properties.toArray(String[]::new));
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
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
		return TokenRedaction.redact("cannot start: " + root.getClass().getSimpleName() + message);
	}

}
