package org.haqqim.dates;

import org.haqqim.knowledge.Audience;

/**
 * A person's language and citizenship, kept by the conversation: a reminder is written in
 * the language the person chose when it is due, not when it was set.
 */
public interface PersonSettings {

	Audience audienceOf(long chatId);

}
