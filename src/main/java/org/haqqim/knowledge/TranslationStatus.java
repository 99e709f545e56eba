package org.haqqim.knowledge;

/** Whether a native speaker has read a text. Shown to maintainers, never to users. */
public enum TranslationStatus {

	DRAFT, REVIEWED

}
