package org.haqqim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application in one of its modes, from the launcher's environment alone, and
 * remembers the one left running on Telegram.
 */
final class Bot {

	private final Class<?> application;

	private final Map<String, String> environment;

	private final CommandLineLogging logging;

	private ConfigurableApplicationContext running;

	Bot(Class<?> application, Map<String, String> environment, CommandLineLogging logging) {
		this.application = application;
		this.environment = environment;
		this.logging = logging;
	}

	boolean hasToken() {
		String token = this.environment.get("TELEGRAM_BOT_TOKEN");
		return token != null && !token.isBlank();
	}

	ConfigurableApplicationContext start(Mode mode) {
		List<String> properties = new ArrayList<>();
		properties.add("--haqqim.mode=" + mode.property());
		// A refused start is told in one line by the launcher: Spring's own account of
		// the failure (a warning with the whole exception chain, a note about the
		// condition report) would bury it.
		properties
			.add("--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR");
		properties.add("--logging.level.org.springframework.boot.web.server.servlet.context."
				+ "AnnotationConfigServletWebServerApplicationContext=ERROR");
		properties
			.add("--logging.level.org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger=OFF");
		if (mode.quiet()) {
			properties.add("--logging.level.root=WARN");
			properties.add("--haqqim.log-target=System.err");
			properties.add("--spring.main.log-startup-info=false");
		}
		if (mode == Mode.CONSOLE && !this.environment.containsKey("DATABASE_URL")) {
			properties.add("--haqqim.database.url=jdbc:sqlite:./data/console.db");
		}
		this.logging.handOver();
		// Only the bot on Telegram serves health and metrics; the console chat and the
		// commands open no port.
		// As a property, not SpringApplicationBuilder.web(): Spring Boot 4 lets
		// application.yml's spring.main.web-application-type override the builder.
		properties.add("--spring.main.web-application-type=" + (mode == Mode.TELEGRAM ? "servlet" : "none"));
		return new SpringApplicationBuilder(this.application).environment(Settings.environment(this.environment))
			.run(properties.toArray(String[]::new));
	}

	/** The bot on Telegram: it works on its own threads until the process is stopped. */
	void keepRunning(ConfigurableApplicationContext context) {
		this.running = context;
	}

	Optional<ConfigurableApplicationContext> running() {
		return Optional.ofNullable(this.running);
	}

}
