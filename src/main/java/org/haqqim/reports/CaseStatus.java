package org.haqqim.reports;

/** Where a case stands. */
enum CaseStatus {

	/**
	 * The bot asked "send this to staff?" and waits for the answer; staff see nothing.
	 */
	DRAFT,

	/** The person agreed and is answering the short intake questions. */
	INTAKE,

	/** Staff have the case and nobody has taken it yet. */
	OPEN,

	/** A staff member took the case. */
	TAKEN,

	CLOSED,

	/** The person asked to be forgotten while the case was open. */
	WITHDRAWN;

	/** Whether staff can answer in this case. */
	boolean isOpen() {
		return this == OPEN || this == TAKEN;
	}

}
