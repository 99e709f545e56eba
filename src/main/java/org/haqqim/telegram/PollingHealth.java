package org.haqqim.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready only while polling works: a poll succeeded within the last minute, or, just after
 * start, the first one is still allowed its time. Named {@code telegramPolling} in the
 * readiness group; it says when the last poll succeeded, never a chat or an update.
 */
class PollingHealth implements HealthIndicator {

	static final Duration STALE_AFTER = Duration.ofSeconds(60);

	private final PollingHeartbeat heartbeat;

	private final Clock clock;

	private final Instant started;

	PollingHealth(PollingHeartbeat heartbeat, Clock clock) {
		this.heartbeat = heartbeat;
		this.clock = clock;
		this.started = clock.instant();
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		Instant last = this.heartbeat.lastSuccess().orElse(null);
		Instant since = last != null ? last : this.started;
		Health.Builder health = now.isAfter(since.plus(STALE_AFTER)) ? Health.down() : Health.up();
		return health.withDetail("lastSuccessfulPoll", last == null ? "never" : last.toString())
			.withDetail("failuresSinceSuccess", this.heartbeat.failuresSinceSuccess())
			.build();
	}

}
