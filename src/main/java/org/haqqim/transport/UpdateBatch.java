package org.haqqim.transport;

import java.util.List;

/**
 * One answer to a poll: the events read from it, the updates that could not be read, and
 * the offset that confirms them all.
 */
public record UpdateBatch(List<InboundEvent> events, List<UnreadableUpdate> unreadable, long nextOffset) {

	public UpdateBatch {
		events = List.copyOf(events);
		unreadable = List.copyOf(unreadable);
	}

	public int size() {
		return this.events.size() + this.unreadable.size();
	}

}
