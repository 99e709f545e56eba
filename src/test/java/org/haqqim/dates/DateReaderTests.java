package org.haqqim.dates;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: dates as people type them, in the words of knowledge/deadlines.yaml; a
 * message that is more than a date is not one.
 */
class DateReaderTests {

	private static final LocalDate TODAY = LocalDate.parse("2026-12-04");

	private static DateReader reader;

	@BeforeAll
	static void readTheWords() {
		KnowledgeBase knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge"))
			.knowledge()
			.orElseThrow();
		reader = new DateReader(knowledge.deadlines().words().values());
	}

	@ParameterizedTest(name = "\"{0}\" happened on {1}")
	@CsvSource(delimiter = '|',
			value = { "12.11|2026-11-12", "12.11.2026|2026-11-12", "12/11/26|2026-11-12", "2026-11-12|2026-11-12",
					"12 noyabr|2026-11-12", "12-noyabr|2026-11-12", "12 ноября 2026|2026-11-12",
					"12 ноября 2026 г.|2026-11-12", "12-noyabr 2026 yil|2026-11-12", "12-го ноября|2026-11-12",
					"12 Ноября.|2026-11-12", "12 ноябр|2026-11-12", "12 november|2026-11-12", "5.12|2025-12-05",
					"вчера|2026-12-03", "Kecha|2026-12-03", "кечээ|2026-12-03", "дирӯз|2026-12-03", "bugun|2026-12-04",
					"сегодня|2026-12-04", "позавчера|2026-12-02", "29.02|2024-02-29" })
	void aDateOfThePastIsTheLastSuchDayUpToToday(String typed, LocalDate date) {
		assertThat(reader.read(typed, TODAY, true)).contains(date);
	}

	@ParameterizedTest(name = "\"{0}\" ends on {1}")
	@CsvSource(delimiter = '|', value = { "12.11|2027-11-12", "5.12|2026-12-05", "4.12|2026-12-04",
			"15 yanvar|2027-01-15", "29.02|2028-02-29" })
	void aDateThatEndsSomethingIsTheNextSuchDay(String typed, LocalDate date) {
		assertThat(reader.read(typed, TODAY, false)).contains(date);
	}

	@ParameterizedTest(name = "\"{0}\" is not a date")
	@ValueSource(strings = { "31.02", "12", "12 people were taken", "politsiya 12.11 da ushladi", "32.01.2026",
			"12 blorb", "" })
	void whatIsNotADateAloneIsNotReadAsOne(String typed) {
		assertThat(reader.read(typed, TODAY, true)).isEmpty();
	}

}
