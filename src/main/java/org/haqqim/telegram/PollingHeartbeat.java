package org.haqqim.telegram;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** When polling last worked: for the periodic log line and for health checks. */
class PollingHeartbeat {

	private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

	private final AtomicLong updatesReceived = new AtomicLong();

	private final AtomicLong failuresSinceSuccess = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	void recordSuccess(Instant at, int updates) {
		this.lastSuccess.set(at);
		this.updatesReceived.addAndGet(updates);
		this.failuresSinceSuccess.set(0);
	}

	void recordFailure() {
		this.failuresSinceSuccess.incrementAndGet();
		this.failures.incrementAndGet();
	}

	/** Every failed poll since start, for the operator's error rate. */
	long failures() {
		return this.failures.get();
	}

	public Optional<Instant> lastSuccess() {
		return Optional.ofNullable(this.lastSuccess.get());
	}

	public long updatesReceived() {
		return this.updatesReceived.get();
	}

	public long failuresSinceSuccess() {
		return this.failuresSinceSuccess.get();
	}

}
