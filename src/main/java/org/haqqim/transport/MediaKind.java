package org.haqqim.transport;

/** Media a person can send or the bot can relay, always by Telegram's file id. */
public enum MediaKind {

	PHOTO, VOICE, AUDIO, VIDEO, VIDEO_NOTE, DOCUMENT, STICKER, ANIMATION

}
