package org.haqqim.system;

/**
 * Whether this instance does the bot's work. On PostgreSQL a second instance started on
 * the same database stands by until the one on duty dies, and then takes over (issue 19):
 * only the instance on duty polls Telegram, handles updates, sends, and runs the
 * scheduled upkeep (reminders, digests, retention), so that each of these runs exactly
 * once however many instances are started.
 */
public interface Duty {

	boolean isOnDuty();

}
