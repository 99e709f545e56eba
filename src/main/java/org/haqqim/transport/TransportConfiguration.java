package org.haqqim.transport;

import java.time.Clock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.haqqim.system.Duty;
import org.haqqim.system.WhenChatting;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JSON form of stored events and messages, and the workers, which run only when the
 * bot chats.
 */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

	@Bean
	ObjectMapper transportJson() {
		return JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addModule(new JavaTimeModule())
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@WhenChatting
	static class Workers {

		@Bean
		TransportMetrics transportMetrics(MeterRegistry registry, Outbox outbox, Clock clock) {
			return new TransportMetrics(registry, outbox, clock);
		}

		@Bean
		InboxProcessor inboxProcessor(Inbox inbox, InboundHandler handler, Outbox outbox,
				TransactionTemplate transactions, TransportProperties properties, TransportMetrics metrics, Duty duty,
				Clock clock) {
			return new InboxProcessor(inbox, handler, outbox, transactions, properties, metrics, duty, clock);
		}

		@Bean
		TransportRetention transportRetention(Inbox inbox, Outbox outbox, TransportProperties properties, Duty duty) {
			return new TransportRetention(inbox, outbox, properties, duty);
		}

		@Bean
		OutboxRelay outboxRelay(Outbox outbox, Deliverer deliverer, SendPacing pacing,
				ObjectProvider<DeliveryListener> listeners, ApplicationEventPublisher events,
				TransactionTemplate transactions, TransportProperties properties, TransportMetrics metrics, Duty duty,
				Clock clock) {
			return new OutboxRelay(outbox, deliverer, pacing, listeners.orderedStream().toList(), events, transactions,
					properties, metrics, duty, clock);
		}

	}

}
