package org.haqqim.matching;

import org.haqqim.knowledge.Citizenship;

/**
 * A question to match.
 *
 * @param text what the person typed
 * @param languageHint a language the person is likely to write in (chosen, or from their
 * app), or null
 * @param citizenship the person's citizenship when known, or null
 */
public record Question(String text, String languageHint, Citizenship citizenship) {

	public static Question of(String text) {
		return new Question(text, null, null);
	}

	@Override
	public String toString() {
		return "Question[length=" + (this.text == null ? 0 : this.text.length()) + ", hint=" + this.languageHint
				+ ", citizenship=" + this.citizenship + "]";
	}

}
