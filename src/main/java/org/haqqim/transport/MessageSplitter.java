package org.haqqim.transport;

import java.util.ArrayList;
import java.util.List;

import org.haqqim.text.Html;

/**
 * Splits a long HTML text into messages Telegram accepts (at most 4096 characters after
 * entity parsing), at paragraph breaks where possible, then at line breaks, then between
 * words. The bot's own markup keeps tags within one line, so a split between lines never
 * cuts a tag in two.
 */
final class MessageSplitter {

	/**
	 * Telegram's limit is 4096; the margin leaves room for a continuation mark and UTF-16
	 * surprises.
	 */
	public static final int DEFAULT_LIMIT = 4000;

	private final int limit;

	public MessageSplitter(int limit) {
		if (limit < 100) {
			throw new IllegalArgumentException("Split limit must be at least 100 characters but was " + limit);
		}
		this.limit = limit;
	}

	public List<String> split(String html) {
		List<String> parts = new ArrayList<>();
		String rest = html;
		while (visibleLength(rest) > this.limit) {
			int cut = cutPoint(rest);
			parts.add(rest.substring(0, cut).stripTrailing());
			rest = rest.substring(cut).stripLeading();
		}
		if (!rest.isBlank() || parts.isEmpty()) {
			parts.add(rest);
		}
		return parts;
	}

	private int cutPoint(String html) {
		int maxIndex = indexOfVisibleLength(html, this.limit);
		for (String separator : new String[] { "\n\n", "\n", " " }) {
			int at = html.lastIndexOf(separator, maxIndex);
			// A break in the first half would leave a part that is hardly more than a
			// heading ("Consulate staff:" alone, then the whole answer).
			if (at > maxIndex / 2 && isOutsideMarkup(html, at)) {
				return at + separator.length();
			}
		}
		int at = maxIndex;
		while (at > 1 && !isOutsideMarkup(html, at)) {
			at--;
		}
		return at;
	}

	/** The index in {@code html} at which {@code visible} characters have been shown. */
	private static int indexOfVisibleLength(String html, int visible) {
		int shown = 0;
		int i = 0;
		while (i < html.length() && shown < visible) {
			char c = html.charAt(i);
			if (c == '<') {
				int end = html.indexOf('>', i);
				i = end < 0 ? html.length() : end + 1;
			}
			else if (c == '&') {
				int end = html.indexOf(';', i);
				i = (end < 0 || end - i > 8) ? i + 1 : end + 1;
				shown++;
			}
			else {
				i++;
				shown++;
			}
		}
		return i;
	}

	private static boolean isOutsideMarkup(String html, int index) {
		int lastOpen = html.lastIndexOf('<', index - 1);
		int lastClose = html.lastIndexOf('>', index - 1);
		if (lastOpen > lastClose) {
			return false;
		}
		int lastAmp = html.lastIndexOf('&', index - 1);
		int lastSemicolon = html.lastIndexOf(';', index - 1);
		return lastAmp <= lastSemicolon || index - lastAmp > 8;
	}

	static int visibleLength(String html) {
		return Html.toPlainText(html).length();
	}

}
