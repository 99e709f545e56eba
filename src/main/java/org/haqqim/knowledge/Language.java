package org.haqqim.knowledge;

import java.util.List;

/**
 * A language the bot speaks.
 *
 * @param code the code used everywhere: {@code uz}, {@code uz-Cyrl}, {@code ru},
 * {@code ky}, {@code tg}, {@code en}
 * @param name the language's name in itself, for its button
 * @param telegramCodes Telegram app languages that suggest it
 * @param generatedFrom the language its texts are transliterated from, or null
 */
public record Language(String code, String name, List<String> telegramCodes, String generatedFrom) {

	public Language {
		telegramCodes = List.copyOf(telegramCodes);
	}

	public boolean isGenerated() {
		return this.generatedFrom != null;
	}

}
