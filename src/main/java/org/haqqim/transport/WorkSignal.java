package org.haqqim.transport;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a worker when new work was committed, so that it need not poll the database in a
 * tight loop. Inside a transaction the signal is given after the commit: before it, the
 * worker could not see the new rows.
 */
final class WorkSignal {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition arrived = this.lock.newCondition();

	private boolean pending;

	void signalAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					signal();
				}
			});
		}
		else {
			signal();
		}
	}

	void signal() {
		this.lock.lock();
		try {
			this.pending = true;
			this.arrived.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until signalled or the timeout passes; returns at once if a signal came since
	 * the last wait.
	 */
	void await(Duration timeout) throws InterruptedException {
		this.lock.lock();
		try {
			long nanos = timeout.toNanos();
			while (!this.pending && nanos > 0) {
				nanos = this.arrived.awaitNanos(nanos);
			}
			this.pending = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	static Duration atMost(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
