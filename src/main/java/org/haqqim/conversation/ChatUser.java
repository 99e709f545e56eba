package org.haqqim.conversation;

import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;

/**
 * What the bot remembers about a person: the language and citizenship they chose, and
 * whether they were already offered the settings (so that they are not asked twice).
 * Nothing else.
 */
record ChatUser(long chatId, String language, Citizenship citizenship, boolean settingsOffered) {

	static ChatUser unknown(long chatId) {
		return new ChatUser(chatId, null, null, false);
	}

	Optional<String> chosenLanguage() {
		return Optional.ofNullable(this.language);
	}

	Optional<Citizenship> chosenCitizenship() {
		return Optional.ofNullable(this.citizenship);
	}

	ChatUser withLanguage(String code) {
		return new ChatUser(this.chatId, code, this.citizenship, this.settingsOffered);
	}

	ChatUser withCitizenship(Citizenship chosen) {
		return new ChatUser(this.chatId, this.language, chosen, this.settingsOffered);
	}

	ChatUser offeredSettings() {
		return new ChatUser(this.chatId, this.language, this.citizenship, true);
	}

	Audience audience(String languageWhenNotChosen) {
		return new Audience(this.language != null ? this.language : languageWhenNotChosen, chosenCitizenship());
	}

}
