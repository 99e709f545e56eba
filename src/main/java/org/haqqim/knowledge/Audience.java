package org.haqqim.knowledge;

import java.util.Optional;

/**
 * Whom a text is rendered for: their language, and their citizenship when they have told
 * us.
 */
public record Audience(String language, Optional<Citizenship> citizenship) {

	public static Audience of(String language, Citizenship citizenship) {
		return new Audience(language, Optional.ofNullable(citizenship));
	}

}
