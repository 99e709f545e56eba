package org.haqqim.system;

/**
 * A problem in the configuration or the environment that an operator must fix before the
 * bot can run. Its message is one line, says what to change, and never contains a secret.
 */
public class StartupRefusal extends RuntimeException {

	public StartupRefusal(String message) {
		super(message);
	}

	public StartupRefusal(String message, Throwable cause) {
		super(message, cause);
	}

}
