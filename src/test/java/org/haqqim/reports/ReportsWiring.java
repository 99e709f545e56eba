package org.haqqim.reports;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.matching.BoundDefaults;
import org.haqqim.matching.QuestionMatcher;
import org.haqqim.system.StaffChat;
import org.haqqim.transport.Deliveries;
import org.haqqim.transport.Replies;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports feature wired by hand as the application wires it, on a test database, with
 * {@link Deliveries} in place of Telegram: for flows tested event by event, in
 * milliseconds.
 */
public final class ReportsWiring {

	public static final long STAFF_CHAT_ID = -1001234567890L;

	final Cases cases;

	final CaseRelay relay;

	final ReportIntake intake;

	final ReportsProperties properties;

	private final Desks desks;

	private final Reports reports;

	private final StaffDesk staffDesk;

	private final FloodGuard flood;

	private final Reminders reminders;

	private final Deliveries deliveries;

	private ReportsWiring(JdbcClient jdbc, CurrentKnowledge knowledge, Map<String, String> settings, Clock clock) {
		this.properties = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("haqqim.reports",
				ReportsProperties.class);
		this.cases = new Cases(jdbc, clock);
		this.desks = new Desks(new StaffChat(STAFF_CHAT_ID), this.properties);
		ReportMetrics metrics = new ReportMetrics(new SimpleMeterRegistry(), this.cases, this.desks, clock);
		this.relay = new CaseRelay(this.cases, knowledge, this.desks, this.properties, metrics, clock);
		this.intake = new ReportIntake(this.cases, this.relay, knowledge,
				new QuestionMatcher(knowledge, BoundDefaults.matching(), new SimpleMeterRegistry()), this.properties,
				this.desks, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()), clock);
		this.reports = new Reports(this.cases, this.intake, this.relay, knowledge, this.properties);
		this.staffDesk = new StaffDesk(this.cases, this.relay, knowledge, this.properties, this.desks, metrics, clock);
		this.flood = new FloodGuard(this.properties, clock, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
		this.reminders = new Reminders(this.cases, this.relay, knowledge, this.properties, clock);
		this.deliveries = new Deliveries(List.of(this.relay));
	}

	/**
	 * @param settings the {@code haqqim.reports.*} settings that differ from the
	 * defaults, such as {@code haqqim.reports.forum-topics=true}
	 */
	public static ReportsWiring of(JdbcClient jdbc, CurrentKnowledge knowledge, Map<String, String> settings,
			Clock clock) {
		return new ReportsWiring(jdbc, knowledge, settings, clock);
	}

	public Reports reports() {
		return this.reports;
	}

	public Desks desks() {
		return this.desks;
	}

	public StaffDesk staffDesk() {
		return this.staffDesk;
	}

	public FloodGuard flood() {
		return this.flood;
	}

	/** The reminders due now, as the upkeep finds them every minute. */
	public Replies remindersDue() {
		return this.reminders.due();
	}

	public Deliveries deliveries() {
		return this.deliveries;
	}

}
