package org.haqqim.matching;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sure the matcher must be, and what it keeps. The defaults were chosen on the
 * labelled evaluation set to keep wrong answers rare (a wrong answer about rights is
 * worse than asking "did you mean"): see BENCHMARKS.md.
 *
 * @param confidenceThreshold the lowest confidence at which the bot answers with a topic
 * @param ambiguityMargin how far ahead of the second topic the first must be to answer
 * without asking
 * @param reachThreshold the lowest confidence, judged on the question's most telling
 * words only, at which the bot answers a question the whole of which matches no topic
 * well enough (a long story)
 * @param reachMargin how far ahead of the second topic the first must then be
 * @param candidateFloor the lowest confidence at which a topic is offered as "did you
 * mean"
 * @param cacheSize how many recent questions' results are kept
 * @param unansweredRetention how long questions the bot could not answer are kept for
 * maintainers
 */
@Validated
@ConfigurationProperties("haqqim.matching")
public record MatchingProperties(@DefaultValue("0.35") @DecimalMin("0") @DecimalMax("1") double confidenceThreshold,
		@DefaultValue("0.05") @DecimalMin("0") @DecimalMax("1") double ambiguityMargin,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double reachThreshold,
		@DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double reachMargin,
		@DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double candidateFloor,
		@DefaultValue("10000") @Min(0) int cacheSize, @DefaultValue("90d") @NotNull Duration unansweredRetention) {

}
