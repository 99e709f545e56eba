package org.haqqim.knowledge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.haqqim.system.WhenChatting;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * For operators: the knowledge base in use (readiness, named {@code knowledge}), and how
 * many reloads were taken or refused since start.
 */
@Component("knowledgeHealthIndicator")
@WhenChatting
class KnowledgeHealth implements HealthIndicator {

	private final CurrentKnowledge knowledge;

	private final Counter reloaded;

	private final Counter rejected;

	KnowledgeHealth(CurrentKnowledge knowledge, MeterRegistry registry) {
		this.knowledge = knowledge;
		this.reloaded = Counter.builder("haqqim.knowledge.reloads")
			.description("changes of knowledge/ taken or refused while running")
			.tag("result", "taken")
			.register(registry);
		this.rejected = Counter.builder("haqqim.knowledge.reloads")
			.description("changes of knowledge/ taken or refused while running")
			.tag("result", "refused")
			.register(registry);
	}

	@Override
	public Health health() {
		return Health.up().withDetail("topics", this.knowledge.current().topics().size()).build();
	}

	@EventListener
	void onReloaded(KnowledgeReloaded reloaded) {
		this.reloaded.increment();
	}

	@EventListener
	void onRejected(KnowledgeRejected rejected) {
		this.rejected.increment();
	}

}
