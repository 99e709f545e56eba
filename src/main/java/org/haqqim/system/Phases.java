package org.haqqim.system;

/**
 * Start-up and shutdown order of the workers. Higher phases start later and stop earlier:
 * the poller stops taking updates first, the processor finishes what it handles, the
 * relay sends last.
 */
public final class Phases {

	public static final int RELAY = 1000;

	public static final int PROCESSOR = 2000;

	public static final int RECEIVER = 3000;

	private Phases() {
	}

}
