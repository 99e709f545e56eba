package org.haqqim.conversation;

import org.haqqim.dates.PersonSettings;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.system.WhenChatting;

import org.springframework.stereotype.Component;

/**
 * A person's language and citizenship for what is sent outside a conversation (a reminder
 * of My dates): what they chose, or the default language.
 */
@Component
@WhenChatting
class ChatUserSettings implements PersonSettings {

	private final ChatUsers users;

	private final CurrentKnowledge knowledge;

	ChatUserSettings(ChatUsers users, CurrentKnowledge knowledge) {
		this.users = users;
		this.knowledge = knowledge;
	}

	@Override
	public Audience audienceOf(long chatId) {
		return this.users.find(chatId).audience(this.knowledge.current().defaultLanguage());
	}

}
