package org.haqqim.matching;

/**
 * Stems folded words by keeping their first five letters. For agglutinative languages
 * (Uzbek, Kyrgyz, Turkish) this "F5" truncation is as good as a real stemmer, and it
 * needs no list of endings per language: "royxatdan", "royxatga" and "рўйхатдан" all
 * become "royha"; "zaderjali" and "задержан" become "zader". Re-ranking still compares
 * whole words, so two words that only share five letters count as less than the same
 * word. Four and six letters were measured too: four lets unrelated words meet
 * (out-of-scope questions answered), six did better on the sets used for tuning and worse
 * on the two kept apart from it.
 */
final class Stemmer {

	static final int LENGTH = 5;

	private Stemmer() {
	}

	static String stem(String foldedWord) {
		return foldedWord.length() <= LENGTH ? foldedWord : foldedWord.substring(0, LENGTH);
	}

}
