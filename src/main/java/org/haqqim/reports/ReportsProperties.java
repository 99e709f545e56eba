package org.haqqim.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.haqqim.knowledge.Citizenship;
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
 * @param desks the staff chats besides the main one, by id, each for some citizenships
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
		String escalationChat, @DefaultValue("2") @Min(1) int escalateAfterReminders, Map<String, DeskSettings> desks) {

	private static final Pattern USER_ID = Pattern.compile("\\d{1,19}");

	private static final Pattern GROUP_ID = Pattern.compile("-\\d{1,19}");

	private static final Pattern DESK_ID = Pattern.compile("[a-z0-9]{1,20}");

	public ReportsProperties {
		escalationChat = escalationChat == null ? "" : escalationChat.strip();
		if (!escalationChat.isEmpty() && !GROUP_ID.matcher(escalationChat).matches()) {
			throw new StartupRefusal("HAQQIM_REPORTS_ESCALATION_CHAT must be the id of a group, which is negative "
					+ "(such as -1001234567890); '" + escalationChat + "' is not one");
		}
		staffUserIds = userIds("STAFF_USER_IDS", staffUserIds);
		desks = desks == null ? Map.of() : Map.copyOf(desks);
		configured(desks);
	}

	private static List<String> userIds(String variable, List<String> ids) {
		List<String> cleaned = ids == null ? List.of()
				: ids.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
		for (String id : cleaned) {
			if (!USER_ID.matcher(id).matches()) {
				throw new StartupRefusal(variable + " must be Telegram user ids separated by commas, such as "
						+ "123456789,987654321; '" + id + "' is not one");
			}
		}
		return cleaned;
	}

	/** The desks besides the main one, checked: each names a group and what it takes. */
	List<Desk> configuredDesks() {
		return configured(this.desks);
	}

	private static List<Desk> configured(Map<String, DeskSettings> desks) {
		List<Desk> configured = new ArrayList<>();
		new TreeMap<>(desks).forEach((id, settings) -> {
			String variable = "HAQQIM_REPORTS_DESKS_" + id.toUpperCase(Locale.ROOT);
			if (!DESK_ID.matcher(id).matches() || id.equals(Desk.MAIN)) {
				throw new StartupRefusal(variable + ": a desk id is lower-case letters and digits, not 'main', such as"
						+ " uz or kg; '" + id + "' is not one");
			}
			String chat = settings.chat() == null ? "" : settings.chat().strip();
			if (!GROUP_ID.matcher(chat).matches()) {
				throw new StartupRefusal(variable + "_CHAT must be the id of the desk's staff group, which is negative"
						+ " (such as -1001234567890); '" + chat + "' is not one");
			}
			List<Long> staff = userIds(variable + "_STAFF", settings.staff()).stream().map(Long::parseLong).toList();
			Set<Citizenship> citizenships = new LinkedHashSet<>();
			for (String code : settings.citizenships() == null ? List.<String>of() : settings.citizenships()) {
				citizenships.add(Citizenship.parse(code.strip())
					.orElseThrow(() -> new StartupRefusal(variable + "_CITIZENSHIPS must name UZ, KG, TJ, KZ or OTHER"
							+ ", separated by commas, such as KG,KZ; '" + code.strip() + "' is not one")));
			}
			if (citizenships.isEmpty()) {
				throw new StartupRefusal(
						variable + "_CITIZENSHIPS is missing: say whose cases the desk takes, such as" + " KG,KZ");
			}
			String name = settings.name() == null || settings.name().isBlank() ? id : settings.name().strip();
			configured.add(new Desk(id, name, Long.parseLong(chat), staff, citizenships));
		});
		return configured;
	}

	/**
	 * A desk as the environment writes it: {@code HAQQIM_REPORTS_DESKS_KG_CHAT},
	 * {@code _STAFF}, {@code _CITIZENSHIPS}, {@code _NAME}.
	 */
	record DeskSettings(String name, String chat, List<String> staff, List<String> citizenships) {
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
