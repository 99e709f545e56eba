package org.haqqim.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the transport shows an operator: updates handled and how long they took, sends by
 * result, and how many messages wait for people and for staff groups, and for how long.
 * No meter names a chat, a person or a word of what they wrote.
 */
public final class TransportMetrics {

	/** How a stored update's handling ended. */
	enum Handled {

		DONE, RETRY, FAILED

	}

	/** What became of one try to send a message. */
	enum Sent {

		OK, RATE_LIMITED, RETRY, GAVE_UP, CHAT_MOVED

	}

	private final MeterRegistry registry;

	public TransportMetrics(MeterRegistry registry, Outbox outbox, Clock clock) {
		this.registry = registry;
		for (boolean groups : new boolean[] { false, true }) {
			String kind = groups ? "staff" : "person";
			Gauge.builder("haqqim.outbox.waiting", outbox, box -> box.waiting(groups).count())
				.description("messages queued and not yet sent")
				.tag("kind", kind)
				.register(registry);
			Gauge.builder("haqqim.outbox.oldest.age", outbox, box -> ageOf(box.waiting(groups).oldest(), clock))
				.description("how long the oldest queued message has waited")
				.baseUnit("seconds")
				.tag("kind", kind)
				.register(registry);
		}
	}

	void handled(Handled outcome, Duration took) {
		Timer.builder("haqqim.updates.handled")
			.description("updates handled, by outcome, and how long handling took")
			.tag("outcome", name(outcome))
			.register(this.registry)
			.record(took.toNanos(), TimeUnit.NANOSECONDS);
	}

	void sent(Sent result) {
		Counter.builder("haqqim.sends")
			.description("tries to send a message to Telegram, by result")
			.tag("result", name(result))
			.register(this.registry)
			.increment();
	}

	private static double ageOf(Instant oldest, Clock clock) {
		return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
