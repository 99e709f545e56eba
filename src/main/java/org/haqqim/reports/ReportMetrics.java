package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.haqqim.system.WhenChatting;

import org.springframework.stereotype.Component;

/**
 * What an operator watches of the cases: how many open, how many wait for a first staff
 * answer, by desk and urgency, and how long the first answer took. Desks are named by
 * their ids; no meter names a person or a case.
 */
@Component
@WhenChatting
class ReportMetrics {

	private final MeterRegistry registry;

	private final Desks desks;

	private final Clock clock;

	ReportMetrics(MeterRegistry registry, Cases cases, Desks desks, Clock clock) {
		this.registry = registry;
		this.desks = desks;
		this.clock = clock;
		for (Desk desk : desks.all()) {
			for (boolean urgent : new boolean[] { true, false }) {
				Gauge.builder("haqqim.cases.waiting", cases, all -> all.waitingForAnswer(desk.id(), urgent))
					.description("open cases without a first staff answer")
					.tag("desk", desk.id())
					.tag("urgent", Boolean.toString(urgent))
					.register(registry);
			}
		}
	}

	/** A case reached staff. */
	void opened(Case opened) {
		Counter.builder("haqqim.cases.opened")
			.description("cases that reached staff, by desk and urgency")
			.tag("desk", this.desks.of(opened).id())
			.tag("urgent", Boolean.toString(opened.urgent()))
			.register(this.registry)
			.increment();
	}

	/** Staff answered a case for the first time. */
	void firstAnswer(Case answered) {
		if (answered.timeline().firstAnswerAt() != null || answered.timeline().openedAt() == null) {
			return;
		}
		Timer.builder("haqqim.cases.first.answer")
			.description("time from a case reaching staff to their first answer, by desk and urgency")
			.tag("desk", this.desks.of(answered).id())
			.tag("urgent", Boolean.toString(answered.urgent()))
			.register(this.registry)
			.record(Duration.between(answered.timeline().openedAt(), this.clock.instant()));
	}

}
