package org.haqqim.telegram;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, capped: the pause doubles after each failure up to the
 * maximum and never grows past it, however long the outage lasts.
 */
final class Backoff {

	private final long initialMillis;

	private final long maxMillis;

	private int failures;

	Backoff(Duration initial, Duration max) {
		this.initialMillis = Math.max(1, initial.toMillis());
		this.maxMillis = Math.max(this.initialMillis, max.toMillis());
	}

	Duration next() {
		long exponential = this.initialMillis << Math.min(this.failures, 30);
		long capped = Math.min(exponential, this.maxMillis);
		this.failures++;
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

	void reset() {
		this.failures = 0;
	}

}
