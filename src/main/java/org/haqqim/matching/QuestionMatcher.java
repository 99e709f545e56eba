package org.haqqim.matching;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeReloaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;

/**
 * The matcher the bot uses: the engine built from the knowledge base in use, and a
 * bounded cache of recent results keyed by the folded text, the language hint and the
 * citizenship. A reload builds a new engine off the update path and swaps it in with an
 * empty cache.
 */
public class QuestionMatcher {

	private static final Logger logger = LoggerFactory.getLogger(QuestionMatcher.class);

	private final MeterRegistry registry;

	private final MatchingProperties properties;

	private final AtomicReference<MatchingEngine> engine = new AtomicReference<>();

	private final Cache<String, MatchResult> results;

	public QuestionMatcher(CurrentKnowledge knowledge, MatchingProperties properties, MeterRegistry registry) {
		this.properties = properties;
		this.registry = registry;
		this.results = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
		this.engine.set(MatchingEngine.build(knowledge.current(), properties));
	}

	public MatchResult match(Question question) {
		String key = TextFolding.fold(question.text() == null ? "" : question.text()) + '\u0000'
				+ question.languageHint() + '\u0000' + question.citizenship();
		MatchResult result = this.results.get(key.toLowerCase(Locale.ROOT), k -> this.engine.get().match(question));
		count(result);
		return result;
	}

	/** Matches by decision and language, and how many read as urgent; never the words. */
	private void count(MatchResult result) {
		Counter.builder("haqqim.matches")
			.description("questions matched, by decision, language and urgency")
			.tag("decision", result.decision().name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.tag("language", result.language())
			.tag("urgent", Boolean.toString(result.urgent()))
			.register(this.registry)
			.increment();
	}

	/**
	 * Whether a reply to one of the bot's questions only says "skip", in any language.
	 */
	public boolean meansSkip(String text) {
		return this.engine.get().meansSkip(text);
	}

	@EventListener
	void onKnowledgeReloaded(KnowledgeReloaded reloaded) {
		MatchingEngine rebuilt = MatchingEngine.build(reloaded.knowledge(), this.properties);
		this.engine.set(rebuilt);
		this.results.invalidateAll();
		logger.info("Matching rebuilt: {}", rebuilt);
	}

}
