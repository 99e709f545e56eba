package org.haqqim.matching;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * The matcher's settings when nothing is set: its {@code @DefaultValue}s, bound as the
 * bot binds them.
 */
public final class BoundDefaults {

	private BoundDefaults() {
	}

	public static MatchingProperties matching() {
		return new Binder().bindOrCreate("haqqim.matching", MatchingProperties.class);
	}

}
