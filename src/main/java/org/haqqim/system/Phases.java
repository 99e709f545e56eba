package org.haqqim.system;

/**
 * Start-up and shutdown order of the workers. Higher phases start later and stop earlier:
 * the knowledge reloader stops first, then the poller stops taking updates, the processor
 * finishes what it handles, and the relay sends last.
 */
public final class Phases {

	public static final int RELAY = 1000;

	public static final int PROCESSOR = 2000;

	public static final int RECEIVER = 3000;

	public static final int KNOWLEDGE = 4000;

	private Phases() {
	}

}
