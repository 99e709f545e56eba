package org.haqqim.announcements;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.Announcement;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.KnowledgeBase;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code ./haqqim announce} does: how many people an announcement would reach, and
 * queueing it once for them. The bot on duty then sends it (AnnouncementSender).
 */
@Service
public class Announcements {

	private final AnnouncementQueue queue;

	Announcements(AnnouncementQueue queue) {
		this.queue = queue;
	}

	/** How many people the announcement would reach now. */
	public long reach(Announcement announcement) {
		return this.queue.countRecipients(announcement.topics(), announcement.citizenships());
	}

	/** When it was queued, if it was: an announcement is sent once. */
	public Optional<Instant> queuedAt(Announcement announcement) {
		return this.queue.queuedAt(announcement.id());
	}

	/**
	 * Queues the announcement, its text rendered in every language of the base, for the
	 * people it reaches now; returns how many.
	 */
	@Transactional
	public int queue(Announcement announcement, KnowledgeBase base) {
		if (queuedAt(announcement).isPresent()) {
			throw new IllegalStateException("announcement '" + announcement.id() + "' was queued already");
		}
		Map<String, String> html = new LinkedHashMap<>();
		announcement.texts()
			.forEach((language, text) -> html.put(language,
					"📣 " + base.render(text, new Audience(language, Optional.empty()), Map.of())));
		return this.queue.queue(announcement.id(), announcement.topics(), announcement.citizenships(), html);
	}

}
