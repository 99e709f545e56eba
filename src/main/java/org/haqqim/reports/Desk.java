package org.haqqim.reports;

import java.util.List;
import java.util.Set;

import org.haqqim.knowledge.Citizenship;

/**
 * A staff chat with its own people: the consulate of one country, or an NGO beside it.
 * Each case belongs to one desk, chosen by the person's citizenship, and only that desk
 * sees it and acts on it, until staff transfer it.
 *
 * @param id the short name staff type in {@code /transfer N ID}
 * @param chatId the staff group
 * @param staff who may act there; empty: every member of the group
 * @param citizenships whose cases it takes; the main desk takes every other case
 */
public record Desk(String id, String name, long chatId, List<Long> staff, Set<Citizenship> citizenships) {

	/** The desk of {@code STAFF_CHAT_ID} and {@code STAFF_USER_IDS}. */
	public static final String MAIN = "main";

	public Desk {
		staff = List.copyOf(staff);
		citizenships = Set.copyOf(citizenships);
	}

	boolean lets(long userId) {
		return this.staff.isEmpty() || this.staff.contains(userId);
	}

}
