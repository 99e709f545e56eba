package org.haqqim.telegram;

import java.time.Clock;

import org.haqqim.system.Duty;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * A standby never polls, so it writes its own sign of life: a container health check then
 * sees a waiting standby as healthy, not as a bot that stopped polling.
 */
class StandbyHeartbeat {

	private final HeartbeatFile file;

	private final Duty duty;

	private final Clock clock;

	StandbyHeartbeat(HeartbeatFile file, Duty duty, Clock clock) {
		this.file = file;
		this.duty = duty;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT10S")
	void standingBy() {
		if (!this.duty.isOnDuty()) {
			this.file.standingBy(this.clock.instant());
		}
	}

}
