package org.haqqim.system;

/** The one group where consular staff read cases and answer them. */
public record StaffChat(long id) {
}
