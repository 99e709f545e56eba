package org.haqqim.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A desk's figures, counted once for {@code /stats} as text and as a chart: cases by
 * status, urgent ones not yet answered, closed ones by outcome, by topic and language
 * (largest first), and how long the first staff answer took.
 *
 * @param outcomes closed cases by outcome id; the key is empty for those closed without
 * one
 */
record DeskStats(long open, long taken, long closed, long urgentWaiting, Map<String, Long> outcomes,
		Map<String, Long> topics, Map<String, Long> languages, Optional<Duration> medianFirstAnswer,
		Optional<Duration> ninetiethFirstAnswer) {

	DeskStats {
		outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
		topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
		languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
	}

	static DeskStats of(List<Case> all, Map<String, Long> closedByOutcome) {
		long open = all.stream().filter(each -> each.status() == CaseStatus.OPEN).count();
		long taken = all.stream().filter(each -> each.status() == CaseStatus.TAKEN).count();
		long closed = all.stream()
			.filter(each -> each.status() == CaseStatus.CLOSED || each.status() == CaseStatus.WITHDRAWN)
			.count();
		long urgentWaiting = all.stream()
			.filter(each -> each.urgent() && each.status().isOpen() && each.timeline().firstAnswerAt() == null)
			.count();
		List<Duration> answered = new ArrayList<>();
		for (Case each : all) {
			Instant opened = each.timeline().openedAt();
			Instant firstAnswer = each.timeline().firstAnswerAt();
			if (firstAnswer != null && opened != null) {
				answered.add(Duration.between(opened, firstAnswer));
			}
		}
		answered.sort(Comparator.naturalOrder());
		Optional<Duration> median = answered.isEmpty() ? Optional.empty()
				: Optional.of(answered.get(answered.size() / 2));
		Optional<Duration> ninetieth = answered.isEmpty() ? Optional.empty()
				: Optional.of(answered.get((answered.size() * 9) / 10));
		return new DeskStats(open, taken, closed, urgentWaiting, largestFirst(closedByOutcome),
				counted(all, each -> each.topic() == null ? "-" : each.topic()), counted(all, Case::language), median,
				ninetieth);
	}

	private static Map<String, Long> counted(List<Case> all, Function<Case, String> key) {
		return largestFirst(all.stream().collect(Collectors.groupingBy(key, Collectors.counting())));
	}

	private static Map<String, Long> largestFirst(Map<String, Long> counts) {
		Map<String, Long> sorted = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

}
