package org.haqqim.reports;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings of reports as an operator writes them (README: Configuration), bound and
 * checked as the application does, in a context of nothing else.
 */
class ReportsPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Binding.class);

	@Test
	void withNothingSetTheDefaultsAreThoseTheReadmeNames() {
		this.context.run(started -> {
			ReportsProperties properties = started.getBean(ReportsProperties.class);
			assertThat(properties.staffLanguage()).isEqualTo("ru");
			assertThat(properties.staffUserIds()).isEmpty();
			assertThat(properties.urgentReminderAfter()).isEqualTo(Duration.ofMinutes(15));
			assertThat(properties.userNoticeAfter()).isEqualTo(Duration.ofHours(2));
			assertThat(properties.retention()).isEqualTo(Duration.ofDays(90));
			assertThat(properties.userMessagesPerMinute()).isEqualTo(20);
			assertThat(properties.cardsPerMinute()).isEqualTo(10);
		});
	}

	@Test
	void staffIdsAreACommaSeparatedListAndDurationsTakeUnits() {
		this.context
			.withPropertyValues("haqqim.reports.staff-user-ids=5550001,5550002", "haqqim.reports.retention=30d",
					"haqqim.reports.forum-topics=true")
			.run(started -> {
				ReportsProperties properties = started.getBean(ReportsProperties.class);
				assertThat(properties.staffMembers()).containsExactly(5_550_001L, 5_550_002L);
				assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
				assertThat(properties.forumTopics()).isTrue();
			});
	}

	@Test
	void aLimitOfZeroIsRefusedAtStart() {
		this.context.withPropertyValues("haqqim.reports.cards-per-minute=0")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cardsPerMinute"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ReportsProperties.class)
	static class Binding {

	}

}
