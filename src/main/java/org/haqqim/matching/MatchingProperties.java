package org.haqqim.matching;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sure the matcher must be, and what it keeps. The defaults were chosen on the
 * labelled evaluation sets to keep wrong answers rare (a wrong answer about rights is
 * worse than asking "did you mean"): see BENCHMARKS.md.
 *
 * @param answerProbability how likely, by the fitted confidence model, the best topic
 * must be the one asked about for the bot to answer with it outright rather than ask "did
 * you mean"
 * @param candidateFloor the lowest confidence at which a topic is offered as "did you
 * mean"
 * @param cacheSize how many recent questions' results are kept
 * @param unansweredRetention how long questions the bot could not answer are kept for
 * maintainers
 */
@Validated
@ConfigurationProperties("haqqim.matching")
public record MatchingProperties(@DefaultValue("0.81") @DecimalMin("0") @DecimalMax("1") double answerProbability,
		@DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double candidateFloor,
		@DefaultValue("10000") @Min(0) int cacheSize, @DefaultValue("90d") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration unansweredRetention) {

}
