package org.haqqim.knowledge;

import java.util.List;

/**
 * The topic ids that scripts and people rely on (DESIGN.md); the knowledge base must have
 * each.
 */
public final class RequiredTopics {

	public static final List<String> IDS = List.of("registration", "patent", "eaeu-workers",
			"medical-exam-and-fingerprinting", "police-check", "detention", "passport-withheld", "unpaid-wages",
			"employment-contract", "workplace-injury", "medical-care", "expulsion-and-entry-ban",
			"controlled-persons-register", "lost-documents", "consulate-contacts", "emergency-help", "returning-home",
			"children-schooling");

	/** The languages every part of the knowledge base must be in. */
	public static final List<String> LANGUAGES = List.of("uz", "uz-Cyrl", "ru", "ky", "tg", "en");

	private RequiredTopics() {
	}

}
