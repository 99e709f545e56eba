package org.haqqim.transport;

import java.time.Instant;

/**
 * Where an inbound event came from. It deliberately holds no names, usernames or phone
 * numbers: only the ids needed to answer and to route replies.
 *
 * @param updateId the chat platform's id of the update, unique and increasing
 * @param chatId the chat to answer in
 * @param chatType private chat or group
 * @param userId the person who sent it (0 when unknown)
 * @param languageCode the language of the person's app, a hint only; may be null
 * @param fromBot whether the sender is a bot
 * @param anonymousAdmin whether a group admin posted anonymously, on behalf of the chat
 * @param messageId the message's id in its chat; null for button presses on inaccessible
 * messages
 * @param replyToMessageId the message this one replies to, if any (never a forum topic's
 * opening)
 * @param threadId the forum topic the message is in, if it is a topic message
 * @param edited whether this is an edit of an earlier message
 * @param senderName the sender's first name, kept only for group chats (consular staff)
 * and never for a person writing to the bot privately
 * @param sentAt when the person sent it, by the chat platform's clock; null when not
 * known (the console, button presses). A message sent while the bot was down was sent
 * then, not when the bot reads it.
 */
public record Origin(long updateId, long chatId, ChatType chatType, long userId, String languageCode, boolean fromBot,
		boolean anonymousAdmin, Integer messageId, Integer replyToMessageId, Integer threadId, boolean edited,
		String senderName, Instant sentAt) {

	/** An origin whose sending time is not known. */
	public Origin(long updateId, long chatId, ChatType chatType, long userId, String languageCode, boolean fromBot,
			boolean anonymousAdmin, Integer messageId, Integer replyToMessageId, Integer threadId, boolean edited,
			String senderName) {
		this(updateId, chatId, chatType, userId, languageCode, fromBot, anonymousAdmin, messageId, replyToMessageId,
				threadId, edited, senderName, null);
	}

	/**
	 * An origin for a plain message in a private chat, as the console and tests create
	 * them.
	 */
	public static Origin privateMessage(long updateId, long chatId, int messageId, String languageCode) {
		return new Origin(updateId, chatId, ChatType.PRIVATE, chatId, languageCode, false, false, messageId, null, null,
				false, null);
	}

	public boolean isPrivate() {
		return this.chatType == ChatType.PRIVATE;
	}

}
