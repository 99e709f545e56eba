package org.haqqim.knowledge;

import java.net.URI;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one topic rests on and how far it can be trusted, for the maintainers' report: its
 * sources, the facts it shows that expire soon, and the status of each language.
 *
 * @param expiring the facts the topic shows that stop being true soon, by the last day
 * they are true
 * @param statuses by language, in the order of {@code languages.yaml}
 */
public record TopicStanding(String id, List<Source> sources, Map<String, LocalDate> expiring,
		Map<String, TranslationStatus> statuses) {

	public TopicStanding {
		sources = List.copyOf(sources);
		expiring = Collections.unmodifiableMap(new TreeMap<>(expiring));
		statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
	}

	public long readFirstHand() {
		return this.sources.stream().filter(Source::readFirstHand).count();
	}

	/** Sources that name a site but not the page, which a maintainer cannot re-read. */
	public long siteAddressesOnly() {
		return this.sources.stream().filter(source -> source.url() != null).filter(source -> {
			String path = URI.create(source.url().replace(" ", "%20")).getPath();
			return path == null || path.isEmpty() || path.equals("/");
		}).count();
	}

}
