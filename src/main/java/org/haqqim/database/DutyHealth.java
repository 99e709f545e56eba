package org.haqqim.database;

import org.haqqim.system.Duty;
import org.haqqim.system.WhenChatting;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: this instance is on duty. A standby is alive but not ready, and says why, so
 * that an operator sees two instances as one working and one waiting, not one broken.
 */
@Component("dutyHealthIndicator")
@WhenChatting
class DutyHealth implements HealthIndicator {

	private final Duty duty;

	DutyHealth(Duty duty) {
		this.duty = duty;
	}

	@Override
	public Health health() {
		if (this.duty.isOnDuty()) {
			return Health.up().withDetail("duty", "on duty").build();
		}
		return Health.outOfService()
			.withDetail("duty",
					"standing by: another instance is on duty on this database, and this one takes "
							+ "over when it stops")
			.build();
	}

}
