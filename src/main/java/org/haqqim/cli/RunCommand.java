package org.haqqim.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.haqqim.console.ConsoleChat;
import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code ./haqqim}: the bot, on Telegram when a token is set, else in the console. */
@Command(name = "haqqim",
		description = { "Runs the bot: on Telegram when TELEGRAM_BOT_TOKEN is set, otherwise the console chat.",
				"Every setting comes from the environment (README: Configuration)." },
		footer = { "", "Run 'haqqim help COMMAND' or 'haqqim COMMAND --help' for a command's options." })
final class RunCommand implements Callable<Integer> {

	private final Bot bot;

	private final InputStream in;

	private final PrintStream out;

	RunCommand(Bot bot, InputStream in, PrintStream out) {
		this.bot = bot;
		this.in = in;
		this.out = out;
	}

	@Override
	public Integer call() {
		return this.bot.hasToken() ? telegram() : console();
	}

	int telegram() {
		this.bot.keepRunning(this.bot.start(Mode.TELEGRAM));
		return 0;
	}

	int console() {
		try (ConfigurableApplicationContext context = this.bot.start(Mode.CONSOLE)) {
			context.getBean(ConsoleChat.class).run(this.in, this.out);
		}
		return 0;
	}

	/** {@code ./haqqim console}. */
	@Command(name = "console",
			description = { "The console chat: type as a migrant would, see the bot's replies.",
					"Type /start to begin, a number to press a button, staff> to write as staff. It keeps",
					"its state in ./data/console.db unless DATABASE_URL is set." })
	static final class Console implements Callable<Integer> {

		private final RunCommand run;

		Console(RunCommand run) {
			this.run = run;
		}

		@Override
		public Integer call() {
			return this.run.console();
		}

	}

	/** {@code ./haqqim telegram}: on Telegram, and refuse to start without a token. */
	@Command(name = "telegram", hidden = true, description = "The bot on Telegram; refuses to start without a token.")
	static final class Telegram implements Callable<Integer> {

		private final RunCommand run;

		Telegram(RunCommand run) {
			this.run = run;
		}

		@Override
		public Integer call() {
			return this.run.telegram();
		}

	}

}
