package org.haqqim.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The countries whose offices the contacts list: the four whose citizens the bot serves,
 * and Russia, for its emergency numbers and its own offices. Its name is the text
 * {@code country.<code>}.
 */
public enum Country {

	UZ, KG, TJ, KZ, RU;

	/**
	 * The countries whose citizens the bot serves, and whose offices in Russia it lists.
	 */
	public static List<Country> ofMigrants() {
		return List.of(UZ, KG, TJ, KZ);
	}

	public static Optional<Country> parse(String code) {
		for (Country country : values()) {
			if (country.name().equals(code == null ? null : code.strip().toUpperCase(Locale.ROOT))) {
				return Optional.of(country);
			}
		}
		return Optional.empty();
	}

}
