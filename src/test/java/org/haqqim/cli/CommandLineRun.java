package org.haqqim.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.haqqim.HaqqimApplication;

/**
 * Runs {@code ./haqqim} in the test's JVM, as a shell would: arguments, environment
 * variables and standard input in; exit status, standard output and standard error out.
 */
final class CommandLineRun {

	private CommandLineRun() {
	}

	static Result run(Map<String, String> environment, String input, String... args) {
		return run(environment, input, Clock.systemUTC(), args);
	}

	static Result run(Map<String, String> environment, String input, Clock clock, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			Map<String, String> withFreePort = new HashMap<>(environment);
			// Two bots started one after the other must not wait for each other's port.
			withFreePort.putIfAbsent("HAQQIM_MANAGEMENT_PORT", "0");
			Launcher.Outcome outcome = new Launcher(HaqqimApplication.class, withFreePort,
					new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), outStream, errStream, clock)
				.run(args);
			if (!(outcome instanceof Launcher.Outcome.Exit exit)) {
				((Launcher.Outcome.KeepRunning) outcome).context().close();
				throw new AssertionError("'haqqim " + String.join(" ", args) + "' kept running");
			}
			return new Result(exit.code(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
	}

	record Result(int exit, String out, String err) {

		List<String> outLines() {
			return this.out.lines().toList();
		}

	}

}
