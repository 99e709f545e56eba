package org.haqqim.text;

import java.util.regex.Pattern;

/**
 * The subset of HTML that Telegram accepts. Anything a person typed goes through
 * {@link #escape} before it is put into a message; Telegram rejects a whole message over
 * one unescaped {@code <}.
 */
public final class Html {

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private Html() {
	}

	/** Escapes exactly the three characters Telegram requires, {@code &} first. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** The text as a person sees it: tags removed and entities decoded. */
	public static String toPlainText(String html) {
		String withoutTags = TAG.matcher(html).replaceAll("");
		return withoutTags.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
	}

	/**
	 * Where to cut a text so that at most {@code shown} characters of it show, between
	 * words when a space is in its second half, never inside a surrogate pair; the text's
	 * length when it fits. Telegram's limits count what is shown, so a text is cut before
	 * it is escaped: a cut in the markup (inside {@code &amp;}) makes Telegram refuse the
	 * message.
	 */
	public static int cutBetweenWords(String text, int shown) {
		if (text.length() <= shown) {
			return text.length();
		}
		int space = text.lastIndexOf(' ', shown);
		int cut = space > shown / 2 ? space : shown;
		return Character.isLowSurrogate(text.charAt(cut)) ? cut - 1 : cut;
	}

	public static String bold(String escapedHtml) {
		return "<b>" + escapedHtml + "</b>";
	}

}
