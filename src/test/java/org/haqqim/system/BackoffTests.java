package org.haqqim.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

	@Test
	void thePauseDoublesUpToTheLongestAndNeverPastIt() {
		assertThat(this.backoff.after(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.backoff.after(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.backoff.after(4)).isEqualTo(Duration.ofMillis(800));
		assertThat(this.backoff.after(5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backoff.after(1_000_000)).as("a long outage").isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void jitterShortensThePauseByAtMostHalf() {
		for (int i = 0; i < 1000; i++) {
			assertThat(this.backoff.jitteredAfter(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
		}
	}

	@Test
	void aLongestPauseShorterThanTheFirstIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessage(
					"Backoff must grow from a pause of zero or more to one at least as long, but was from PT2S to PT1S");
	}

}
