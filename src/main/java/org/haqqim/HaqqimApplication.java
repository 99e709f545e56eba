package org.haqqim;

import org.haqqim.cli.Launcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Haqqim: a Telegram bot that tells labour migrants their rights in their own language
 * and carries urgent cases to consular staff. The {@link Launcher} decides what to run.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HaqqimApplication {

	public static void main(String[] args) {
		Launcher.Outcome outcome = new Launcher(HaqqimApplication.class, System.getenv(), System.in, System.out,
				System.err)
			.run(args);
		if (outcome instanceof Launcher.Outcome.Exit exit) {
			System.exit(exit.code());
		}
	}

}
