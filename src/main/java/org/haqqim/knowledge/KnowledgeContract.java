package org.haqqim.knowledge;

import java.util.List;

/**
 * What scripts and people rely on in every knowledge base (DESIGN.md): the topic ids and
 * the language codes. The validator refuses a knowledge base without each of them.
 */
final class KnowledgeContract {

	/** The topics every knowledge base has, exactly so named. */
	public static final List<String> TOPIC_IDS = List.of("registration", "patent", "eaeu-workers",
			"medical-exam-and-fingerprinting", "police-check", "detention", "passport-withheld", "unpaid-wages",
			"employment-contract", "workplace-injury", "medical-care", "expulsion-and-entry-ban",
			"controlled-persons-register", "lost-documents", "consulate-contacts", "emergency-help", "returning-home",
			"children-schooling");

	/** The languages every knowledge base speaks. */
	public static final List<String> LANGUAGES = List.of("uz", "uz-Cyrl", "ru", "ky", "tg", "en");

	private KnowledgeContract() {
	}

}
