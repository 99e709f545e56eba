package org.haqqim.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The citizenships answers are rendered for. */
public enum Citizenship {

	UZ, KG, TJ, KZ, OTHER;

	public static Optional<Citizenship> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The country whose offices serve this citizen, if it is one we list. */
	public Optional<Country> country() {
		return this == OTHER ? Optional.empty() : Country.parse(name());
	}

}
