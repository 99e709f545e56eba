package org.haqqim.knowledge;

/**
 * One thing wrong in the knowledge files.
 *
 * @param file the file, relative to the knowledge directory
 * @param line the line in that file, or 0 when the problem is about the file as a whole
 */
public record Problem(Severity severity, String file, int line, String message) {

	public enum Severity {

		ERROR, WARNING;

		public String label() {
			return name().toLowerCase();
		}

	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

	/**
	 * {@code topics/patent.yaml:34: error: …}, as compilers write it, so editors can jump
	 * to the line.
	 */
	public String describe() {
		String where = this.line > 0 ? this.file + ":" + this.line : this.file;
		return where + ": " + this.severity.label() + ": " + this.message;
	}

}
