package org.haqqim.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Lexicon;
import org.haqqim.knowledge.Topic;

/**
 * Everything the matcher built from one knowledge base: the topic index, the language
 * detector and the urgency detector. Immutable; a reload builds a new one.
 */
public final class MatchingEngine {

	/**
	 * A topic that does not apply to the person's citizenship loses to one that does
	 * unless it matches far better: an Uzbek asking about work documents is asking about
	 * the patent, a Kyrgyz about EAEU rules (measured on the sets that give the
	 * citizenship).
	 */
	private static final double OTHER_CITIZENSHIP_FACTOR = 0.6;

	private final KnowledgeBase knowledge;

	private final TopicIndex index;

	private final LanguageDetector languages;

	private final UrgencyDetector urgency;

	private final SmallTalk smallTalk;

	private final PhraseIndex<Lexicon.Situation> situations;

	private final PhraseIndex<Citizenship> citizenshipNamed;

	private final MatchingProperties properties;

	private MatchingEngine(KnowledgeBase knowledge, TopicIndex index, LanguageDetector languages,
			MatchingProperties properties) {
		Lexicon lexicon = knowledge.lexicon();
		this.knowledge = knowledge;
		this.index = index;
		this.languages = languages;
		this.urgency = new UrgencyDetector(lexicon.urgency());
		this.smallTalk = new SmallTalk(lexicon);
		this.situations = new PhraseIndex<>();
		lexicon.situations()
			.forEach(situation -> situation.phrases()
				.forEach((language, phrases) -> this.situations.addWritten(language, phrases, situation)));
		this.citizenshipNamed = new PhraseIndex<>();
		lexicon.citizenshipWords()
			.forEach((citizenship, byLanguage) -> byLanguage
				.forEach((language, words) -> this.citizenshipNamed.addWritten(language, words, citizenship)));
		this.properties = properties;
	}

	public static MatchingEngine build(KnowledgeBase knowledge, MatchingProperties properties) {
		return new MatchingEngine(knowledge, TopicIndex.build(knowledge), LanguageDetector.train(knowledge),
				properties);
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
		List<String> words = Arrays.asList(terms.words());
		String written = this.knowledge.writtenLanguageOf(language);
		List<PhraseIndex.Hit<Lexicon.Situation>> hits = this.situations.find(words, written);
		List<Lexicon.Situation> found = hits.stream().map(PhraseIndex.Hit::meaning).distinct().toList();
		BitSet urgentWords = new BitSet(words.size());
		hits.stream().filter(hit -> hit.meaning().urgent()).forEach(hit -> urgentWords.or(hit.words()));
		Citizenship citizenship = namedCitizenship(words, written).orElse(question.citizenship());
		List<TopicIndex.Candidate> byScore = adjustForCitizenship(this.index.candidates(terms), citizenship);
		List<TopicIndex.Candidate> byReach = byScore.stream()
			.sorted(Comparator.comparingDouble(TopicIndex.Candidate::reach).reversed())
			.toList();
		double top = byScore.isEmpty() ? 0 : byScore.get(0).score();
		boolean aboutUrgentTopic = top >= this.properties.candidateFloor()
				&& this.knowledge.topic(byScore.get(0).topic()).map(Topic::urgent).orElse(false);
		boolean urgent = this.urgency.isUrgent(words, written, urgentWords, aboutUrgentTopic);
		Optional<String> situationTopic = found.stream()
			.flatMap(situation -> topicFor(situation, citizenship).stream())
			.findFirst();
		if (situationTopic.isEmpty() && !found.isEmpty() && !urgent) {
			return new MatchResult(MatchResult.Decision.NONE, Optional.empty(), 0, List.of(), language, false);
		}
		Optional<Answer> answer = answer(byScore, byReach).or(() -> agreed(situationTopic, byScore));
		List<String> offered = Stream
			.concat(situationTopic.stream(),
					byReach.stream()
						.filter(candidate -> candidate.reach() >= this.properties.candidateFloor())
						.map(TopicIndex.Candidate::topic))
			.distinct()
			.toList();
		if (answer.isPresent()) {
			String topic = answer.get().topic();
			List<String> alternatives = offered.stream().filter(other -> !other.equals(topic)).limit(3).toList();
			return new MatchResult(MatchResult.Decision.ANSWER, Optional.of(topic), answer.get().confidence(),
					alternatives, language, urgent);
		}
		MatchResult.Decision decision = offered.isEmpty() ? MatchResult.Decision.NONE
				: MatchResult.Decision.DID_YOU_MEAN;
		return new MatchResult(decision, Optional.empty(), top, offered.stream().limit(3).toList(), language, urgent);
	}

	/**
	 * The first of a situation's topics that applies to the citizenship, or the first
	 * when it is not known.
	 */
	private Optional<String> topicFor(Lexicon.Situation situation, Citizenship citizenship) {
		return situation.topics()
			.stream()
			.filter(id -> citizenship == null
					|| this.knowledge.topic(id).map(topic -> topic.appliesTo(citizenship)).orElse(false))
			.findFirst()
			.or(() -> situation.topics().stream().findFirst());
	}

	/**
	 * The topic a situation points at when the whole question ranks it first too: two
	 * ways of reading the message that agree.
	 */
	private Optional<Answer> agreed(Optional<String> situationTopic, List<TopicIndex.Candidate> byScore) {
		return situationTopic
			.filter(topic -> !byScore.isEmpty() && byScore.get(0).topic().equals(topic)
					&& byScore.get(0).reach() >= this.properties.candidateFloor())
			.map(topic -> new Answer(topic, byScore.get(0).score()));
	}

	/**
	 * The citizenship a message names ("men Qirg'izistondanman", "я из Таджикистана"),
	 * when it names exactly one: it overrides the profile's.
	 */
	private Optional<Citizenship> namedCitizenship(List<String> words, String language) {
		List<Citizenship> named = this.citizenshipNamed.find(words, language)
			.stream()
			.map(PhraseIndex.Hit::meaning)
			.distinct()
			.toList();
		return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
	}

	/**
	 * The topic to answer with: the one the whole question clearly matches best or,
	 * failing that, the one its most telling words clearly point at (a long story with
	 * its question in a few words).
	 */
	private Optional<Answer> answer(List<TopicIndex.Candidate> byScore, List<TopicIndex.Candidate> byReach) {
		if (clearlyFirst(byScore, TopicIndex.Candidate::score, this.properties.confidenceThreshold(),
				this.properties.ambiguityMargin())) {
			return Optional.of(new Answer(byScore.get(0).topic(), byScore.get(0).score()));
		}
		if (clearlyFirst(byReach, TopicIndex.Candidate::reach, this.properties.reachThreshold(),
				this.properties.reachMargin())) {
			return Optional.of(new Answer(byReach.get(0).topic(), byReach.get(0).reach()));
		}
		return Optional.empty();
	}

	private static boolean clearlyFirst(List<TopicIndex.Candidate> ranked,
			ToDoubleFunction<TopicIndex.Candidate> measure, double threshold, double margin) {
		if (ranked.isEmpty()) {
			return false;
		}
		double first = measure.applyAsDouble(ranked.get(0));
		double second = ranked.size() < 2 ? 0 : measure.applyAsDouble(ranked.get(1));
		return first >= threshold && first - second >= margin;
	}

	private record Answer(String topic, double confidence) {
	}

	private List<TopicIndex.Candidate> adjustForCitizenship(List<TopicIndex.Candidate> candidates,
			Citizenship citizenship) {
		if (citizenship == null) {
			return candidates;
		}
		List<TopicIndex.Candidate> adjusted = new ArrayList<>(candidates.size());
		for (TopicIndex.Candidate candidate : candidates) {
			boolean applies = this.knowledge.topic(candidate.topic())
				.map(topic -> topic.appliesTo(citizenship))
				.orElse(true);
			adjusted.add(applies ? candidate : new TopicIndex.Candidate(candidate.topic(),
					candidate.score() * OTHER_CITIZENSHIP_FACTOR, candidate.reach() * OTHER_CITIZENSHIP_FACTOR));
		}
		adjusted.sort((a, b) -> Double.compare(b.score(), a.score()));
		return adjusted;
	}

	@Override
	public String toString() {
		return "MatchingEngine[" + this.index + "]";
	}

}
