package org.haqqim.system;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time, as every part of the bot reads it: the clock, and the ticker that expires cached
 * entries, read from that same clock so that a test that moves the clock moves both.
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	BotIdentity botIdentity() {
		return new BotIdentity();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Ticker ticker(Clock clock) {
		return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
	}

}
