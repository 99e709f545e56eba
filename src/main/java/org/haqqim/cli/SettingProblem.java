package org.haqqim.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting the bot cannot start with, told as an operator reads it: the environment
 * variable, what is wrong with its value, and a value that would do. Spring's own words
 * name a property path and a Java type ("Failed to convert … to java.time.Duration").
 */
final class SettingProblem {

	/**
	 * The variables that do not follow the {@code HAQQIM_} naming (see
	 * {@code application.yml}).
	 */
	private static final Map<String, String> NAMED = Map.of("haqqim.telegram.token", "TELEGRAM_BOT_TOKEN",
			"haqqim.telegram.api-url", "TELEGRAM_API_URL", "haqqim.telegram.staff-chat", "STAFF_CHAT_ID",
			"haqqim.database.url", "DATABASE_URL", "haqqim.database.user", "DATABASE_USER", "haqqim.database.password",
			"DATABASE_PASSWORD", "haqqim.knowledge.directory", "KNOWLEDGE_DIR", "haqqim.reports.staff-user-ids",
			"STAFF_USER_IDS");

	private SettingProblem() {
	}

	/**
	 * One line about the first setting in the failure's causes that could not be bound.
	 */
	static Optional<String> describe(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				return Optional.of(describe(bind));
			}
		}
		return Optional.empty();
	}

	private static String describe(BindException bind) {
		String property = bind.getName().toString();
		if (bind.getCause() instanceof BindValidationException validation) {
			for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
				if (error instanceof FieldError field) {
					String name = property + "." + kebab(field.getField());
					return variable(name) + " is not valid: '" + field.getRejectedValue() + "' "
							+ field.getDefaultMessage();
				}
			}
		}
		Class<?> type = bind.getTarget().getType().resolve(Object.class);
		Object value = bind.getProperty() == null ? null : bind.getProperty().getValue();
		if (bind.getCause() instanceof ConversionFailedException conversion) {
			type = conversion.getTargetType().getType();
			value = conversion.getValue();
		}
		return variable(property) + " is not valid: '" + value + "' is not " + kind(type);
	}

	/** The environment variable an operator sets for a property. */
	static String variable(String property) {
		return NAMED.getOrDefault(property, property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
	}

	private static String kind(Class<?> type) {
		if (type == Duration.class) {
			return "a duration, such as 90d, 15m or 30s";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number, such as 20";
		}
		if (type == double.class || type == Double.class) {
			return "a number, such as 0.83";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == URI.class) {
			return "an address, such as https://api.telegram.org";
		}
		if (type == Path.class) {
			return "a file or directory path, such as ./data/heartbeat";
		}
		return "a value of the right kind (README: Configuration)";
	}

	private static String kebab(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
