package org.haqqim.cli;

import java.util.Map;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Logging while no bot runs: the bot's own configuration (every line redacted), warnings
 * only, on standard error, so that a command's output is only its own. Without it the
 * libraries a command uses would log to standard output, into {@code ask --jsonl}'s
 * answers. A bot that starts sets its logging up afresh.
 */
final class CommandLineLogging {

	private final LoggingSystem system = LoggingSystem.get(CommandLineLogging.class.getClassLoader());

	void quiet() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("command-line-logging", Map.of("haqqim.log-target", "System.err")));
		this.system.beforeInitialize();
		this.system.initialize(new LoggingInitializationContext(environment), null, null);
		this.system.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
	}

	/** Leaves logging to the application that is about to start. */
	void handOver() {
		this.system.cleanUp();
	}

}
