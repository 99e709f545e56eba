package org.haqqim.knowledge;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A question reduced to what decides whether two questions are the same: case,
 * apostrophes, script and punctuation do not count.
 */
final class QuestionKey {

	private QuestionKey() {
	}

	static String of(String question) {
		String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		text = UzbekScript.toLatin(UzbekScript.normaliseApostrophes(text));
		StringBuilder key = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				if (space && key.length() > 0) {
					key.append(' ');
				}
				key.append(c);
				space = false;
			}
			else if (c != '\'') {
				space = true;
			}
		}
		return key.toString();
	}

}
