package org.haqqim.system;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff: the pause doubles with each failure, from the first pause up to
 * the longest, and never grows past it however long an outage lasts.
 *
 * @param first the pause after the first failure
 * @param longest the longest pause
 */
public record Backoff(Duration first, Duration longest) {

	private static final int MAX_DOUBLINGS = 30;

	public Backoff {
		if (first.isNegative() || longest.compareTo(first) < 0) {
			throw new IllegalArgumentException(
					"Backoff must grow from a pause of zero or more to one at least as long, but was from " + first
							+ " to " + longest);
		}
	}

	/** The pause after the given failure, counted from 1. */
	public Duration after(int failures) {
		long first = Math.max(1, this.first.toMillis());
		long exponential = first << Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS);
		return Duration.ofMillis(Math.min(exponential, Math.max(first, this.longest.toMillis())));
	}

	/**
	 * The pause after the given failure, shortened by up to half at random, so that many
	 * senders that failed together do not all try again together.
	 */
	public Duration jitteredAfter(int failures) {
		long pause = after(failures).toMillis();
		return Duration.ofMillis(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
	}

}
