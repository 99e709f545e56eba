package org.haqqim.dates;

import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When reminders of My dates arrive.
 *
 * @param reminderHour the hour of the day reminders are sent, in {@code zone}
 * @param zone the time zone dates are counted and reminders sent in: Moscow's, where most
 * people are, until a person can give their region
 */
@Validated
@ConfigurationProperties("haqqim.dates")
record DatesProperties(@DefaultValue("10") @Min(0) @Max(23) int reminderHour,
		@DefaultValue("Europe/Moscow") @NotNull ZoneId zone) {
}
