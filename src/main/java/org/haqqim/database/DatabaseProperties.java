package org.haqqim.database;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the bot keeps its state. Bound from {@code DATABASE_URL}, {@code DATABASE_USER}
 * and {@code DATABASE_PASSWORD}; {@link #toString()} hides the password.
 *
 * @param url a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 * @param poolSize connections to PostgreSQL (SQLite always uses one writer)
 */
@Validated
@ConfigurationProperties("haqqim.database")
record DatabaseProperties(@NotBlank String url, String user, String password, @DefaultValue("8") @Min(1) int poolSize) {

	boolean isSqlite() {
		return this.url.startsWith("jdbc:sqlite:");
	}

	boolean isPostgresql() {
		return this.url.startsWith("jdbc:postgresql:");
	}

	/**
	 * The SQLite database's file, in every way the driver accepts it ({@code ./x.db},
	 * {@code file:x.db}, {@code file:///data/x.db?mode=rwc}); empty for an in-memory
	 * database, which no other process can share.
	 */
	Optional<Path> sqliteFile() {
		if (!isSqlite()) {
			return Optional.empty();
		}
		String location = this.url.substring("jdbc:sqlite:".length()).split("\\?", 2)[0];
		if (location.startsWith("file:")) {
			location = location.substring("file:".length());
			if (location.startsWith("//")) {
				location = location.substring(2);
			}
		}
		boolean inMemory = location.isBlank() || location.startsWith(":memory:") || this.url.contains("mode=memory");
		return inMemory ? Optional.empty() : Optional.of(Path.of(location).toAbsolutePath());
	}

	/** The URL without credentials or parameters, safe to show in a message. */
	String displayUrl() {
		String withoutParameters = this.url.split("[?;]", 2)[0];
		return withoutParameters.replaceAll("//[^/@]*@", "//");
	}

	@Override
	public String toString() {
		return "DatabaseProperties[url=" + displayUrl() + ", user=" + this.user + ", password="
				+ (this.password == null || this.password.isEmpty() ? "(none)" : "(set)") + "]";
	}

}
