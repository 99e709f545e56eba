package org.haqqim.knowledge;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the knowledge files are ({@code KNOWLEDGE_DIR}) and how often to look for
 * changes.
 *
 * @param reloadCheckInterval how often the files are checked for changes
 * @param reloadQuietPeriod how long the files must stay unchanged before they are read,
 * so that a maintainer saving several files is seen as one change
 */
@Validated
@ConfigurationProperties("haqqim.knowledge")
public record KnowledgeProperties(@NotNull Path directory,
		@DefaultValue("2s") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration reloadCheckInterval,
		@DefaultValue("1s") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration reloadQuietPeriod) {
}
