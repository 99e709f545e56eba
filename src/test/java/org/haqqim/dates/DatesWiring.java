package org.haqqim.dates;

import java.time.Clock;

import org.haqqim.knowledge.CurrentKnowledge;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** My dates wired by hand, with its default settings, for tests outside Spring. */
public final class DatesWiring {

	private DatesWiring() {
	}

	public static MyDates myDates(JdbcClient jdbc, CurrentKnowledge knowledge, Clock clock) {
		DatesProperties properties = new Binder().bindOrCreate("haqqim.dates", DatesProperties.class);
		return new MyDates(new DateBook(jdbc, clock), new DateReminders(jdbc, clock, properties), knowledge, properties,
				clock);
	}

}
