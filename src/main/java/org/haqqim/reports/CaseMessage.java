package org.haqqim.reports;

/**
 * Something said in a case. {@code source*} point at the original message, so that media
 * can be copied without downloading it; {@code relayed} is false while it waits for its
 * forum topic.
 */
record CaseMessage(long id, long caseId, Direction direction, String kind, String text, String fileId,
		Long sourceChatId, Long sourceMessageId, boolean relayed) {

	enum Direction {

		/** From the person. */
		IN,

		/** From staff to the person. */
		OUT,

		/** A staff note, never sent to the person. */
		NOTE

	}

	@Override
	public String toString() {
		return "CaseMessage[" + this.id + ", case " + this.caseId + ", " + this.direction + ", " + this.kind + "]";
	}

}
