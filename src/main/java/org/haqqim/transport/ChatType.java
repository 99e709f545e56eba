package org.haqqim.transport;

/**
 * The kind of chat an event came from. Groups are paced and authorised differently from
 * private chats.
 */
public enum ChatType {

	PRIVATE, GROUP, SUPERGROUP, CHANNEL;

	public boolean isGroup() {
		return this == GROUP || this == SUPERGROUP;
	}

}
