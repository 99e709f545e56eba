package org.haqqim.reports;

import java.util.Locale;
import java.util.Optional;

/**
 * The commands staff use in the staff chat. Typed anywhere else they are refused, and the
 * refusal says nothing about any case.
 */
public enum StaffCommand {

	CASES, TAKE, CLOSE, REOPEN, NOTE, REPLY, BAN, UNBAN, STATS, TRANSFER;

	/** The staff command with this name ({@code take}), if it is one. */
	public static Optional<StaffCommand> named(String name) {
		for (StaffCommand command : values()) {
			if (command.name().toLowerCase(Locale.ROOT).equals(name)) {
				return Optional.of(command);
			}
		}
		return Optional.empty();
	}

}
