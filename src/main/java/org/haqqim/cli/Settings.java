package org.haqqim.cli;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.haqqim.knowledge.KnowledgeProperties;
import org.haqqim.matching.MatchingProperties;
import org.haqqim.telegram.TelegramProperties;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The settings the bot runs with, for the commands that do not start it: the same
 * records, bound by Spring's binder from the same environment variables and the same
 * {@code application.yml}, checked by the same constraints. So {@code ./haqqim ask}
 * matches with the thresholds the running bot uses, and reads the directory it reads.
 */
final class Settings {

	private final StandardEnvironment environment;

	private Settings(StandardEnvironment environment) {
		this.environment = environment;
	}

	/** The settings in an environment that holds these variables and no others. */
	static Settings of(Map<String, String> variables) {
		StandardEnvironment environment = environment(variables);
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		return new Settings(environment);
	}

	/**
	 * An environment whose system environment is exactly these variables, as the bot is
	 * started with: relaxed names such as {@code HAQQIM_MATCHING_ANSWER_PROBABILITY} bind
	 * only from the source Spring knows as the system environment.
	 */
	static StandardEnvironment environment(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		return environment;
	}

	/** {@code DATABASE_URL}, or the bot's default database. */
	String databaseUrl() {
		return this.environment.getProperty("haqqim.database.url", "jdbc:sqlite:./data/haqqim.db");
	}

	KnowledgeProperties knowledge() {
		return bind("haqqim.knowledge", KnowledgeProperties.class);
	}

	MatchingProperties matching() {
		return bind("haqqim.matching", MatchingProperties.class);
	}

	TelegramProperties telegram() {
		return bind("haqqim.telegram", TelegramProperties.class);
	}

	private <T> T bind(String prefix, Class<T> type) {
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			BindHandler checked = new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator()));
			return Binder.get(this.environment).bindOrCreate(prefix, Bindable.of(type), checked);
		}
	}

}
