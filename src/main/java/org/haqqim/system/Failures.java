package org.haqqim.system;

/**
 * Failures as the logs and the database may show them. Exception messages can carry what
 * a person typed (a number that did not parse, say), and none of that may leave the chat:
 * {@link #describe} drops them.
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * The exception's class and the first frame of our own code that it passed through.
	 */
	public static String describe(Throwable failure) {
		Throwable root = root(failure);
		StringBuilder description = new StringBuilder(failure.getClass().getSimpleName());
		if (root != failure) {
			description.append(" caused by ").append(root.getClass().getSimpleName());
		}
		for (StackTraceElement frame : root.getStackTrace()) {
			if (frame.getClassName().startsWith("org.haqqim.")) {
				description.append(" at ")
					.append(frame.getClassName())
					.append('.')
					.append(frame.getMethodName())
					.append(':')
					.append(frame.getLineNumber());
				break;
			}
		}
		return description.toString();
	}

	/**
	 * The innermost cause: what actually went wrong under the layers that passed it on.
	 */
	public static Throwable root(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
