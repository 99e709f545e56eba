package org.haqqim.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;

/**
 * Everything the matcher built from one knowledge base: the topic index, the language detector and
 * the urgency detector. Immutable; a reload builds a new one.
 */
public final class MatchingEngine {

	/** A topic that does not apply to the person's citizenship loses to one that does, when they are close. */
	private static final double OTHER_CITIZENSHIP_FACTOR = 0.9;

	private final KnowledgeBase knowledge;

	private final TopicIndex index;

	private final LanguageDetector languages;

	private final UrgencyDetector urgency;

	private final SmallTalk smallTalk;

	private final MatchingProperties properties;

	private MatchingEngine(KnowledgeBase knowledge, TopicIndex index, LanguageDetector languages,
			UrgencyDetector urgency, SmallTalk smallTalk, MatchingProperties properties) {
		this.knowledge = knowledge;
		this.index = index;
		this.languages = languages;
		this.urgency = urgency;
		this.smallTalk = smallTalk;
		this.properties = properties;
	}

	public static MatchingEngine build(KnowledgeBase knowledge, MatchingProperties properties) {
		return new MatchingEngine(knowledge, TopicIndex.build(knowledge), LanguageDetector.train(knowledge),
				new UrgencyDetector(knowledge.lexicon()), new SmallTalk(knowledge.lexicon()), properties);
	}

	public KnowledgeBase knowledge() {
		return this.knowledge;
	}

	public MatchResult match(Question question) {
		String text = question.text() == null ? "" : question.text();
		WordLists.Terms terms = this.index.wordLists().analyse(text);
		String language = this.languages.detect(text, terms.words(), question.languageHint());
		Optional<MatchResult.Decision> smallTalk = this.smallTalk.recognise(terms.words());
		if (smallTalk.isPresent()) {
			return new MatchResult(smallTalk.get(), Optional.empty(), 0, List.of(), language, false);
		}
		List<TopicIndex.Candidate> candidates = adjustForCitizenship(this.index.candidates(terms), question);
		double top = candidates.isEmpty() ? 0 : candidates.get(0).score();
		boolean aboutUrgentTopic = top >= this.properties.candidateFloor()
				&& this.knowledge.topic(candidates.get(0).topic()).map(Topic::urgent).orElse(false);
		boolean urgent = this.urgency.isUrgent(Arrays.asList(terms.words()), language, aboutUrgentTopic);
		double second = candidates.size() < 2 ? 0 : candidates.get(1).score();
		List<String> offered = candidates.stream()
			.filter(candidate -> candidate.score() >= this.properties.candidateFloor())
			.map(TopicIndex.Candidate::topic)
			.toList();
		if (top >= this.properties.confidenceThreshold() && top - second >= this.properties.ambiguityMargin()) {
			List<String> alternatives = offered.stream().skip(1).limit(3).toList();
			return new MatchResult(MatchResult.Decision.ANSWER, Optional.of(candidates.get(0).topic()), top,
					alternatives, language, urgent);
		}
		MatchResult.Decision decision = offered.isEmpty() ? MatchResult.Decision.NONE
				: MatchResult.Decision.DID_YOU_MEAN;
		return new MatchResult(decision, Optional.empty(), top, offered.stream().limit(3).toList(), language, urgent);
	}

	private List<TopicIndex.Candidate> adjustForCitizenship(List<TopicIndex.Candidate> candidates, Question question) {
		if (question.citizenship() == null) {
			return candidates;
		}
		List<TopicIndex.Candidate> adjusted = new ArrayList<>(candidates.size());
		for (TopicIndex.Candidate candidate : candidates) {
			boolean applies = this.knowledge.topic(candidate.topic()).map(topic -> appliesTo(topic, question)).orElse(true);
			adjusted.add(applies ? candidate
					: new TopicIndex.Candidate(candidate.topic(), candidate.score() * OTHER_CITIZENSHIP_FACTOR));
		}
		adjusted.sort((a, b) -> Double.compare(b.score(), a.score()));
		return adjusted;
	}

	private static boolean appliesTo(Topic topic, Question question) {
		return topic.appliesTo(question.citizenship());
	}

	@Override
	public String toString() {
		return "MatchingEngine[" + this.index + "]";
	}

}
