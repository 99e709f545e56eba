package org.haqqim.system;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The loop every worker runs: it outlives a failing turn, and a stop ends it in time. */
class WorkerTests {

	@Test
	void aTurnThatThrowsDoesNotEndTheLoop() {
		AtomicInteger turns = new AtomicInteger();
		Worker worker = new Worker("failing-worker", 0, Duration.ofSeconds(1)) {
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
		Worker worker = new Worker("waiting-worker", 0, Duration.ofSeconds(10)) {
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
		Worker worker = new Worker("stuck-worker", 0, Duration.ofMillis(100)) {
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

}
