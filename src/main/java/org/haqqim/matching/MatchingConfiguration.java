package org.haqqim.matching;

import io.micrometer.core.instrument.MeterRegistry;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.system.Duty;
import org.haqqim.system.WhenChatting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The matcher the running bot uses, and the purge of old unanswered questions. */
@Configuration(proxyBeanMethods = false)
@WhenChatting
class MatchingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MatchingConfiguration.class);

	@Bean
	QuestionMatcher questionMatcher(CurrentKnowledge knowledge, MatchingProperties properties, MeterRegistry registry) {
		return new QuestionMatcher(knowledge, properties, registry);
	}

	@Bean
	UnansweredRetention unansweredRetention(UnansweredQuestions questions, MatchingProperties properties, Duty duty) {
		return new UnansweredRetention(questions, properties, duty);
	}

	/**
	 * Erases unanswered questions once their retention period is over, on the instance on
	 * duty.
	 */
	static final class UnansweredRetention {

		private final UnansweredQuestions questions;

		private final MatchingProperties properties;

		private final Duty duty;

		UnansweredRetention(UnansweredQuestions questions, MatchingProperties properties, Duty duty) {
			this.questions = questions;
			this.properties = properties;
			this.duty = duty;
		}

		@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
		void purge() {
			if (!this.duty.isOnDuty()) {
				return;
			}
			int purged = this.questions.purgeOlderThan(this.properties.unansweredRetention());
			if (purged > 0) {
				logger.info("Erased {} unanswered question(s) past their retention period", purged);
			}
		}

	}

}
