package org.haqqim.transport;

/**
 * A chat the bot sends to turned into a supergroup with a new id. Messages to it wait; an
 * operator must act.
 */
public record ChatMoveDetected(long oldChatId, long newChatId) {
}
