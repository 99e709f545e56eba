package org.haqqim.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

	/** How many topics from the top of each ranking are weighed as answers. */
	private static final int RANKED_CHOICES = 3;

	private final KnowledgeBase knowledge;

	private final TopicIndex index;

	private final LanguageDetector languages;

	private final UrgencyDetector urgency;

	private final SmallTalk smallTalk;

	private final PhraseIndex<Lexicon.Situation> situations;

	private final PhraseIndex<Citizenship> citizenshipNamed;

	private final MatchingProperties properties;

	private final ConfidenceModel confidence;

	private MatchingEngine(KnowledgeBase knowledge, TopicIndex index, LanguageDetector languages,
			MatchingProperties properties, ConfidenceModel confidence) {
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
		this.confidence = confidence;
	}

	public static MatchingEngine build(KnowledgeBase knowledge, MatchingProperties properties) {
		return build(knowledge, properties, ConfidenceModel.fitted());
	}

	static MatchingEngine build(KnowledgeBase knowledge, MatchingProperties properties, ConfidenceModel confidence) {
		return new MatchingEngine(knowledge, TopicIndex.build(knowledge), LanguageDetector.train(knowledge), properties,
				confidence);
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
		Reading reading = read(terms, language, question.citizenship());
		if (reading.situationTopic().isEmpty() && reading.situations().stream().anyMatch(Lexicon.Situation::forStaff)) {
			// A death told is not an emergency the bot can help with, though its words
			// are urgency's, unless it is happening now; someone speaking of killing
			// themselves is.
			boolean urgent = reading.urgent() && this.urgency.saysNow(Arrays.asList(terms.words()))
					|| reading.situations().stream().anyMatch(situation -> situation.forStaff() && situation.urgent());
			return new MatchResult(MatchResult.Decision.STAFF, Optional.empty(), 0, List.of(), language, urgent);
		}
		if (reading.situationTopic().isEmpty() && !reading.situations().isEmpty() && !reading.urgent()) {
			return new MatchResult(MatchResult.Decision.NONE, Optional.empty(), 0, List.of(), language, false);
		}
		List<Choice> choices = choices(reading);
		double confidence = choices.isEmpty() ? 0 : choices.get(0).probability();
		if (confidence >= this.properties.answerProbability()) {
			String topic = choices.get(0).topic();
			List<String> alternatives = offered(choices, reading).stream()
				.filter(other -> !other.equals(topic))
				.limit(3)
				.toList();
			return new MatchResult(MatchResult.Decision.ANSWER, Optional.of(topic), confidence, alternatives, language,
					reading.urgent());
		}
		List<String> offered = offered(choices, reading).stream().limit(3).toList();
		MatchResult.Decision decision = offered.isEmpty() ? MatchResult.Decision.NONE
				: MatchResult.Decision.DID_YOU_MEAN;
		return new MatchResult(decision, Optional.empty(), confidence, offered, language, reading.urgent());
	}

	/**
	 * A topic the bot could answer with, the evidence for it and how likely it is the one
	 * asked about.
	 */
	record Choice(String topic, double[] evidence, double probability) {
	}

	/**
	 * The topics worth weighing, most likely first: the one a situation points at and the
	 * first few by the whole question and by its most telling words.
	 */
	List<Choice> choices(Reading reading) {
		Set<String> topics = new LinkedHashSet<>();
		reading.situationTopic().ifPresent(topics::add);
		reading.byScore().stream().limit(RANKED_CHOICES).forEach(candidate -> topics.add(candidate.topic()));
		reading.byReach().stream().limit(RANKED_CHOICES).forEach(candidate -> topics.add(candidate.topic()));
		List<Choice> choices = new ArrayList<>(topics.size());
		for (String topic : topics) {
			double[] evidence = evidence(topic, reading);
			choices.add(new Choice(topic, evidence, this.confidence.probability(evidence)));
		}
		choices.sort(Comparator.comparingDouble(Choice::probability).reversed());
		return choices;
	}

	private double[] evidence(String topic, Reading reading) {
		double[] evidence = new double[Evidence.values().length];
		Optional<TopicIndex.Candidate> own = reading.byScore()
			.stream()
			.filter(candidate -> candidate.topic().equals(topic))
			.findFirst();
		double otherScore = 0;
		double otherReach = 0;
		for (TopicIndex.Candidate candidate : reading.byScore()) {
			if (!candidate.topic().equals(topic)) {
				otherScore = Math.max(otherScore, candidate.score());
				otherReach = Math.max(otherReach, candidate.reach());
			}
		}
		double score = own.map(TopicIndex.Candidate::score).orElse(0.0);
		double reach = own.map(TopicIndex.Candidate::reach).orElse(0.0);
		boolean here = reading.situationTopic().map(topic::equals).orElse(false);
		evidence[Evidence.SCORE.ordinal()] = score;
		evidence[Evidence.REACH.ordinal()] = reach;
		evidence[Evidence.SCORE_LEAD.ordinal()] = score - otherScore;
		evidence[Evidence.REACH_LEAD.ordinal()] = reach - otherReach;
		evidence[Evidence.FIRST_BY_SCORE.ordinal()] = own.isPresent() && score >= otherScore ? 1 : 0;
		evidence[Evidence.FIRST_BY_REACH.ordinal()] = own.isPresent() && reach >= otherReach ? 1 : 0;
		evidence[Evidence.SITUATION_HERE.ordinal()] = here ? 1 : 0;
		evidence[Evidence.SITUATION_ELSEWHERE.ordinal()] = reading.situationTopic().isPresent() && !here ? 1 : 0;
		evidence[Evidence.SITUATION_TOLD.ordinal()] = reading.situations().isEmpty() ? 0 : 1;
		evidence[Evidence.WORDS.ordinal()] = Math.log1p(reading.words());
		evidence[Evidence.OTHER_CITIZENSHIP.ordinal()] = reading.citizenship() != null
				&& !this.knowledge.topic(topic).map(known -> known.appliesTo(reading.citizenship())).orElse(true) ? 1
						: 0;
		evidence[Evidence.PHRASING.ordinal()] = own.map(TopicIndex.Candidate::phrasing).orElse(0.0);
		evidence[Evidence.COVERAGE.ordinal()] = own.map(TopicIndex.Candidate::coverage).orElse(0.0);
		evidence[Evidence.SPECIFICITY.ordinal()] = reading.byScore().isEmpty() ? 0
				: reading.byScore().get(0).specificity();
		evidence[Evidence.URGENT.ordinal()] = reading.urgent() ? 1 : 0;
		return evidence;
	}

	/**
	 * The topics worth offering as "did you mean", most likely first: those the
	 * question's telling words reach well enough, and the one a situation points at.
	 */
	private List<String> offered(List<Choice> choices, Reading reading) {
		return choices.stream()
			.map(Choice::topic)
			.filter(topic -> reading.situationTopic().map(topic::equals).orElse(false) || reading.byScore()
				.stream()
				.anyMatch(candidate -> candidate.topic().equals(topic)
						&& candidate.reach() >= this.properties.candidateFloor()))
			.toList();
	}

	/**
	 * Whether a reply to one of the bot's questions only says "skip": the words of
	 * {@code small-talk.yaml}'s {@code skip} lists, or no words at all ("-", "…").
	 */
	public boolean meansSkip(String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		String[] words = this.index.wordLists().analyse(text).words();
		return words.length == 0 || this.smallTalk.meansSkip(words);
	}

	/**
	 * Everything the engine read of a message before deciding: the situations its phrases
	 * tell, the citizenship it is asked for, the topics ranked by the whole question and
	 * by its most telling words, and whether it is urgent.
	 */
	record Reading(int words, List<Lexicon.Situation> situations, Optional<String> situationTopic,
			Citizenship citizenship, List<TopicIndex.Candidate> byScore, List<TopicIndex.Candidate> byReach,
			boolean urgent) {
	}

	Reading read(Question question) {
		String text = question.text() == null ? "" : question.text();
		WordLists.Terms terms = this.index.wordLists().analyse(text);
		String language = this.languages.detect(text, terms.words(), question.languageHint());
		return read(terms, language, question.citizenship());
	}

	private Reading read(WordLists.Terms terms, String language, Citizenship profile) {
		List<String> words = Arrays.asList(terms.words());
		String written = this.knowledge.writtenLanguageOf(language);
		List<PhraseIndex.Hit<Lexicon.Situation>> hits = this.situations.find(words, written);
		List<Lexicon.Situation> found = hits.stream().map(PhraseIndex.Hit::meaning).distinct().toList();
		BitSet urgentWords = new BitSet(words.size());
		hits.stream().filter(hit -> hit.meaning().urgent()).forEach(hit -> urgentWords.or(hit.words()));
		Citizenship citizenship = namedCitizenship(words, written).orElse(profile);
		List<TopicIndex.Candidate> byScore = adjustForCitizenship(this.index.candidates(terms), citizenship);
		List<TopicIndex.Candidate> byReach = byScore.stream()
			.sorted(Comparator.comparingDouble(TopicIndex.Candidate::reach).reversed())
			.toList();
		boolean aboutUrgentTopic = !byScore.isEmpty() && byScore.get(0).score() >= this.properties.candidateFloor()
				&& this.knowledge.topic(byScore.get(0).topic()).map(Topic::urgent).orElse(false);
		boolean urgent = this.urgency.isUrgent(words, written, urgentWords, aboutUrgentTopic);
		Optional<String> situationTopic = found.stream()
			.flatMap(situation -> topicFor(situation, citizenship).stream())
			.findFirst();
		int content = 0;
		for (boolean common : terms.common()) {
			content += common ? 0 : 1;
		}
		return new Reading(content, found, situationTopic, citizenship, byScore, byReach, urgent);
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
			adjusted.add(applies ? candidate : candidate.scaled(OTHER_CITIZENSHIP_FACTOR));
		}
		adjusted.sort((a, b) -> Double.compare(b.score(), a.score()));
		return adjusted;
	}

	@Override
	public String toString() {
		return "MatchingEngine[" + this.index + "]";
	}

}
