package org.haqqim.system;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The loop every worker runs: it outlives a failing turn, and a stop ends it in time; on
 * a standby it waits to be started by the takeover, and stops with the application.
 */
class WorkerTests {

	private static final Duty ON_DUTY = () -> true;

	@Test
	void aTurnThatThrowsDoesNotEndTheLoop() {
		AtomicInteger turns = new AtomicInteger();
		Worker worker = new Worker("failing-worker", 0, Duration.ofSeconds(1), ON_DUTY) {
			@Override
			protected Duration work() {
				if (turns.incrementAndGet() == 1) {
					throw new IllegalStateException("the first turn fails");
				}
				return Duration.ofMillis(10);
			}
		};
		worker.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> turns.get() >= 3);
		}
		finally {
			worker.stop();
		}
		assertThat(worker.isRunning()).isFalse();
	}

	@Test
	void aStopWakesAWaitingWorkerAtOnce() {
		CountDownLatch turned = new CountDownLatch(1);
		Worker worker = new Worker("waiting-worker", 0, Duration.ofSeconds(10), ON_DUTY) {
			@Override
			protected Duration work() {
				turned.countDown();
				return Duration.ofHours(1);
			}
		};
		worker.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> turned.getCount() == 0);
		long started = System.nanoTime();
		worker.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aTurnThatDoesNotReturnIsInterruptedAfterTheStopTimeout() {
		CountDownLatch turning = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		Worker worker = new Worker("stuck-worker", 0, Duration.ofMillis(100), ON_DUTY) {
			@Override
			protected Duration work() {
				turning.countDown();
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					interrupted.countDown();
					Thread.currentThread().interrupt();
				}
				return Duration.ZERO;
			}
		};
		worker.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> turning.getCount() == 0);
		worker.stop();
		assertThat(interrupted.getCount()).isZero();
	}

	@Test
	void aStandbysWorkerWaitsForTheTakeoverAndStillStopsWithTheApplication() {
		AtomicBoolean onDuty = new AtomicBoolean();
		AtomicInteger turns = new AtomicInteger();
		Worker worker = new Worker("standby-worker", 0, Duration.ofSeconds(1), onDuty::get) {
			@Override
			protected Duration work() {
				turns.incrementAndGet();
				return Duration.ofMillis(10);
			}
		};
		try (GenericApplicationContext application = new GenericApplicationContext()) {
			application.registerBean(Worker.class, () -> worker);
			application.refresh();
			assertThat(worker.isRunning()).as("not started on a standby").isFalse();
			onDuty.set(true);
			worker.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> turns.get() >= 2);
		}
		assertThat(worker.isRunning()).as("stopped when the application closes").isFalse();
	}

}
