package org.haqqim.announcements;

import java.time.Clock;

import org.haqqim.knowledge.CurrentKnowledge;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rule-change alerts wired by hand, for tests outside Spring. */
public final class AlertsWiring {

	private AlertsWiring() {
	}

	public static TopicAlerts topicAlerts(JdbcClient jdbc, CurrentKnowledge knowledge, Clock clock) {
		return new TopicAlerts(new Subscriptions(jdbc, clock), new AnnouncementQueue(jdbc, clock), knowledge);
	}

}
