package org.haqqim.reports;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.haqqim.system.StartupRefusal;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How cases are handled.
 *
 * @param staffLanguage the language of everything the bot writes in the staff chat
 * @param forumTopics whether the staff chat is a forum supergroup with one topic per case
 * @param showStaffNames whether a person sees the first name of the staff member who
 * answers
 * @param staffUserIds who may act for the consulate, as {@code STAFF_USER_IDS} spells it
 * (empty: every member of the staff chat)
 * @param urgentReminderAfter how long an urgent case may wait for a staff answer before
 * staff are reminded
 * @param userNoticeAfter how long before a person waiting for an answer is told their
 * case is not forgotten
 * @param retention how long the content of a closed case is kept
 * @param draftLifetime how long an unanswered "send to staff?" question keeps the message
 * it asks about
 * @param userMessagesPerMinute how many messages a person may send a minute before being
 * throttled
 * @param cardsPerMinute how many new case cards staff get a minute before the bot
 * switches to a digest
 * @param peopleTracked how many people the flood limit keeps in memory
 * @param banLasts how long a ban lasts unless staff give it again
 * @param escalationChat a group where urgent cases nobody answered are raised, by number
 * and age only; empty for none
 * @param escalateAfterReminders how many reminders in the staff chat come before a case
 * is raised there
 */
@Validated
@ConfigurationProperties("haqqim.reports")
record ReportsProperties(@DefaultValue("ru") @NotBlank String staffLanguage, @DefaultValue("false") boolean forumTopics,
		@DefaultValue("false") boolean showStaffNames, List<String> staffUserIds,
		@DefaultValue("15m") @NotNull @DurationMin(nanos = 0,
				message = "must not be negative") Duration urgentReminderAfter,
		@DefaultValue("2h") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration userNoticeAfter,
		@DefaultValue("90d") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration retention,
		@DefaultValue("24h") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration draftLifetime,
		@DefaultValue("20") @Min(1) int userMessagesPerMinute, @DefaultValue("10") @Min(1) int cardsPerMinute,
		@DefaultValue("100000") @Min(1) int peopleTracked,
		@DefaultValue("30d") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration banLasts,
		String escalationChat, @DefaultValue("2") @Min(1) int escalateAfterReminders) {

	private static final Pattern USER_ID = Pattern.compile("\\d{1,19}");

	private static final Pattern GROUP_ID = Pattern.compile("-\\d{1,19}");

	public ReportsProperties {
		escalationChat = escalationChat == null ? "" : escalationChat.strip();
		if (!escalationChat.isEmpty() && !GROUP_ID.matcher(escalationChat).matches()) {
			throw new StartupRefusal("HAQQIM_REPORTS_ESCALATION_CHAT must be the id of a group, which is negative "
					+ "(such as -1001234567890); '" + escalationChat + "' is not one");
		}
		staffUserIds = staffUserIds == null ? List.of()
				: staffUserIds.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
		for (String id : staffUserIds) {
			if (!USER_ID.matcher(id).matches()) {
				throw new StartupRefusal("STAFF_USER_IDS must be Telegram user ids separated by commas, such as "
						+ "123456789,987654321; '" + id + "' is not one");
			}
		}
	}

	/** The escalation chat, when one is configured. */
	Optional<Long> escalationChatId() {
		return this.escalationChat.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(this.escalationChat));
	}

	/**
	 * The people who may act for the consulate; empty: every member of the staff chat.
	 */
	List<Long> staffMembers() {
		return this.staffUserIds.stream().map(Long::parseLong).toList();
	}

}
