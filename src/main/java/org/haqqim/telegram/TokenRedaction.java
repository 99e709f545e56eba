package org.haqqim.telegram;

import java.util.regex.Pattern;

/**
 * Masks anything shaped like a bot token. A defence in depth: the token travels in the
 * URL path of every Bot API call, so any URL that ends up in a message would carry it.
 */
public final class TokenRedaction {

	private static final Pattern TOKEN = Pattern.compile("\\d{5,15}:[A-Za-z0-9_-]{30,}");

	private TokenRedaction() {
	}

	public static String redact(String text) {
		if (text == null || text.indexOf(':') < 0) {
			return text;
		}
		return TOKEN.matcher(text).replaceAll("<bot-token>");
	}

}
