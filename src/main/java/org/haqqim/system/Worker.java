package org.haqqim.system;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A loop on a thread of its own, started and stopped with the application in its phase.
 * Every worker of the bot (the poller, the inbox processor, the outbox relay, the
 * knowledge reloader) starts, waits for work, lives through a failure and stops the same
 * way: a turn that throws is logged without its message and the loop goes on a second
 * later; a stop wakes the loop, waits for it a while, and then interrupts it. A standby
 * instance does not start its workers with the application: the one that takes over
 * starts them ({@link Duty}).
 */
public abstract class Worker implements SmartLifecycle {

	private static final Duration AFTER_A_FAILURE = Duration.ofSeconds(1);

	private static final Duration AFTER_AN_INTERRUPT = Duration.ofMillis(500);

	private final Logger logger = LoggerFactory.getLogger(getClass());

	private final String name;

	private final int phase;

	private final Duration stopTimeout;

	private final Duty duty;

	private volatile boolean running;

	private volatile CountDownLatch stopped = new CountDownLatch(0);

	private Thread thread;

	/**
	 * @param name the name of the worker's thread, as the logs show it
	 * @param phase when it starts and stops ({@link Phases})
	 * @param stopTimeout how long a stop waits for the turn under way before it
	 * interrupts it
	 * @param duty whether this instance works now, or stands by for another
	 */
	protected Worker(String name, int phase, Duration stopTimeout, Duty duty) {
		this.name = name;
		this.phase = phase;
		this.stopTimeout = stopTimeout;
		this.duty = duty;
	}

	/**
	 * One turn of the loop; returns how long to wait before the next one (zero: at once).
	 */
	protected abstract Duration work() throws Exception;

	/**
	 * Waits before the next turn. A worker whose work arrives with a signal waits for the
	 * signal instead, and wakes it in {@link #wake()}.
	 */
	protected void awaitWork(Duration wait) throws InterruptedException {
		pause(wait);
	}

	/** Makes a waiting or blocked turn return, so that the loop sees it must stop. */
	protected void wake() {
	}

	/** Called before the thread starts. */
	protected void starting() {
	}

	/** Called after the thread has stopped, or was given up on. */
	protected void stopped() {
	}

	/** Waits for the given time, or until the worker is stopped. */
	protected final void pause(Duration duration) throws InterruptedException {
		this.stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
	}

	protected final boolean isStopping() {
		return !this.running;
	}

	@Override
	public final void start() {
		starting();
		this.stopped = new CountDownLatch(1);
		this.running = true;
		this.thread = new Thread(this::loop, this.name);
		this.thread.start();
	}

	@Override
	public final void stop() {
		this.running = false;
		this.stopped.countDown();
		wake();
		join();
		stopped();
	}

	@Override
	public final boolean isRunning() {
		return this.running;
	}

	@Override
	public final boolean isAutoStartup() {
		return this.duty.isOnDuty();
	}

	@Override
	public final int getPhase() {
		return this.phase;
	}

	private void loop() {
		while (this.running) {
			try {
				Duration wait = work();
				if (!wait.isZero() && this.running) {
					awaitWork(wait);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Throwable failure) {
				if (!this.running) {
					return;
				}
				this.logger.error("{} failed, trying again in {} s: {}", this.name, AFTER_A_FAILURE.toSeconds(),
						Failures.describe(failure));
				try {
					pause(AFTER_A_FAILURE);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void join() {
		if (this.thread == null) {
			return;
		}
		try {
			this.thread.join(this.stopTimeout.toMillis());
			if (this.thread.isAlive()) {
				this.logger.warn("{} did not stop within {} ms; interrupting it", this.name,
						this.stopTimeout.toMillis());
				this.thread.interrupt();
				this.thread.join(AFTER_AN_INTERRUPT.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
