package org.haqqim.knowledge;

import java.time.LocalDate;

/**
 * Where a fact comes from: a title, an address when there is one, when it was published
 * or read, and, when nobody here opened the page itself, the research through which it
 * was read, so that a maintainer knows which pages still need a first-hand reading.
 *
 * @param readVia the document the page was read through, or null when it was read itself
 */
public record Source(String title, String url, LocalDate date, String readVia) {

	public boolean readFirstHand() {
		return this.readVia == null;
	}

}
