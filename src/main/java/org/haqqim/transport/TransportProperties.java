package org.haqqim.transport;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the inbox and the outbox are worked off.
 *
 * @param handlingAttempts how often an update whose handling throws is tried before it is
 * marked failed
 * @param handlingRetryDelay the pause before the first retry of a failed update; it
 * doubles each time
 * @param sendRetryDelay the pause before the first retry of a send that failed for a
 * passing reason
 * @param maxSendRetryDelay the longest pause between retries of a send
 * @param giveUpSendingAfter how long a message is retried before it is marked failed
 * @param sendThreads how many chats are sent to at the same time: sends that hang hold
 * back the others only when this many hang at once
 * @param keepProcessed how long handled updates and sent messages are kept (for
 * de-duplication, then erased)
 */
@Validated
@ConfigurationProperties("haqqim.transport")
public record TransportProperties(@DefaultValue("5") @Min(1) int handlingAttempts,
		@DefaultValue("1s") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration handlingRetryDelay,
		@DefaultValue("1s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration sendRetryDelay,
		@DefaultValue("5m") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration maxSendRetryDelay,
		@DefaultValue("24h") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration giveUpSendingAfter,
		@DefaultValue("16") @Min(1) int sendThreads,
		@DefaultValue("2d") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration keepProcessed) {

}
