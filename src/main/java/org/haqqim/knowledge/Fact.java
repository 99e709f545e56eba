package org.haqqim.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value that differs by citizenship or changes with the law, kept out of the prose so
 * that one edit changes every language.
 *
 * @param values per citizenship, per language: the text to insert
 */
record Fact(String name, String description, List<Source> sources, Map<Citizenship, Map<String, String>> values) {

	public Fact {
		sources = List.copyOf(sources);
		values = Map.copyOf(values);
	}

	public Optional<String> value(Citizenship citizenship, String language) {
		Map<String, String> byLanguage = this.values.get(citizenship);
		return byLanguage == null ? Optional.empty() : Optional.ofNullable(byLanguage.get(language));
	}

}
