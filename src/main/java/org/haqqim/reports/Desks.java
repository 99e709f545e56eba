package org.haqqim.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.haqqim.knowledge.Citizenship;
import org.haqqim.system.StaffChat;
import org.haqqim.system.StartupRefusal;
import org.haqqim.system.WhenChatting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Every desk: the main one ({@code STAFF_CHAT_ID}), which takes every case no other desk
 * claims, and those configured as {@code HAQQIM_REPORTS_DESKS_<ID>_…}, each for the
 * citizenships it names. Checked at start-up: a chat or a citizenship belongs to one
 * desk.
 */
@Component
@WhenChatting
public class Desks {

	private static final Logger logger = LoggerFactory.getLogger(Desks.class);

	private final Desk main;

	private final Map<String, Desk> byId = new LinkedHashMap<>();

	private final Map<Long, Desk> byChat = new HashMap<>();

	private final Map<Citizenship, Desk> byCitizenship = new HashMap<>();

	private final Set<String> unconfiguredReported = ConcurrentHashMap.newKeySet();

	Desks(StaffChat staffChat, ReportsProperties properties) {
		this.main = new Desk(Desk.MAIN, Desk.MAIN, staffChat.id(), properties.staffMembers(), Set.of());
		add(this.main);
		properties.configuredDesks().forEach(this::add);
	}

	private void add(Desk desk) {
		if (this.byId.containsKey(desk.id())) {
			throw new StartupRefusal("HAQQIM_REPORTS_DESKS_" + desk.id().toUpperCase() + ": the desk id '" + desk.id()
					+ "' is taken; give it another, such as " + desk.id() + "2");
		}
		Desk sameChat = this.byChat.get(desk.chatId());
		if (sameChat != null) {
			throw new StartupRefusal("HAQQIM_REPORTS_DESKS_" + desk.id().toUpperCase() + "_CHAT is the chat of desk '"
					+ sameChat.id() + "' already; each desk needs its own staff group");
		}
		for (Citizenship citizenship : desk.citizenships()) {
			Desk claimed = this.byCitizenship.putIfAbsent(citizenship, desk);
			if (claimed != null) {
				throw new StartupRefusal(
						"HAQQIM_REPORTS_DESKS_" + desk.id().toUpperCase() + "_CITIZENSHIPS names " + citizenship
								+ ", which desk '" + claimed.id() + "' takes already; a citizenship goes to one desk");
			}
		}
		this.byId.put(desk.id(), desk);
		this.byChat.put(desk.chatId(), desk);
	}

	/** The desk a new case goes to: by the person's citizenship, else the main one. */
	Desk forCitizenship(Citizenship citizenship) {
		return citizenship == null ? this.main : this.byCitizenship.getOrDefault(citizenship, this.main);
	}

	/** The desk of a case; a case of a desk no longer configured is the main desk's. */
	Desk of(Case theCase) {
		Desk desk = this.byId.get(theCase.staffSide().desk());
		if (desk == null) {
			if (this.unconfiguredReported.add(theCase.staffSide().desk())) {
				logger.warn("Cases of desk '{}', which is no longer configured, are the main desk's",
						theCase.staffSide().desk());
			}
			return this.main;
		}
		return desk;
	}

	/** The desk whose staff group this is. */
	public Optional<Desk> atChat(long chatId) {
		return Optional.ofNullable(this.byChat.get(chatId));
	}

	public boolean isStaffChat(long chatId) {
		return this.byChat.containsKey(chatId);
	}

	Optional<Desk> byId(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	Desk main() {
		return this.main;
	}

	List<Desk> all() {
		return new ArrayList<>(this.byId.values());
	}

	/** The ids, for a usage line: "main, uz, kg". */
	String ids() {
		return this.byId.keySet().stream().collect(Collectors.joining(", "));
	}

}
