package org.haqqim.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock a test moves on: one that stands still from a given instant, or the system's
 * own time plus however far the test moved it, for a bot whose other parts run on real
 * time.
 */
public final class MovableClock extends Clock {

	private final Supplier<Instant> base;

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private MovableClock(Supplier<Instant> base) {
		this.base = base;
	}

	/** A clock that stands at {@code start} until it is moved. */
	public MovableClock(Instant start) {
		this(() -> start);
	}

	/** The system's time, moved on by the test. */
	public static MovableClock aheadOfNow() {
		return new MovableClock(Instant::now);
	}

	public void advance(Duration by) {
		this.offset.updateAndGet(current -> current.plus(by));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.base.get().plus(this.offset.get());
	}

}
