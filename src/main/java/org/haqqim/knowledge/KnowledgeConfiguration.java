package org.haqqim.knowledge;

import java.time.Clock;

import org.haqqim.system.StartupRefusal;
import org.haqqim.system.Duty;
import org.haqqim.system.WhenChatting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the knowledge base at start-up, refusing to start on errors, and keeps it fresh
 * while the bot runs.
 */
@Configuration(proxyBeanMethods = false)
@WhenChatting
class KnowledgeConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeConfiguration.class);

	@Bean
	KnowledgeLoader knowledgeLoader(Clock clock) {
		return new KnowledgeLoader(clock);
	}

	@Bean
	CurrentKnowledge knowledge(KnowledgeLoader loader, KnowledgeProperties properties) {
		KnowledgeLoader.Result result = loader.load(properties.directory());
		if (result.knowledge().isEmpty()) {
			Problem first = result.report().errors().get(0);
			throw new StartupRefusal("the knowledge base in " + properties.directory() + " has "
					+ result.report().errors().size() + " error(s), the first: " + first.describe()
					+ ". Run ./haqqim validate " + properties.directory() + " to see them all");
		}
		logger.info("Knowledge loaded from {}: {} topics, {} warnings", properties.directory(),
				result.knowledge().get().topics().size(), result.report().warnings().size());
		return new CurrentKnowledge(result.knowledge().get());
	}

	@Bean
	KnowledgeReloader knowledgeReloader(CurrentKnowledge knowledge, KnowledgeLoader loader,
			KnowledgeProperties properties, ApplicationEventPublisher events, Duty duty) {
		return new KnowledgeReloader(knowledge, loader, properties, events, duty);
	}

}
