package org.haqqim.knowledge;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uzbek Cyrillic is written by the bot from the Uzbek Latin texts, so every Uzbek text is
 * read here in Cyrillic the way a person would: addresses that still work, no Latin
 * letters left over, no tutuq belgisi dropped.
 */
class UzbekCyrillicTests {

	private static final Path KNOWLEDGE = Path.of("knowledge");

	/** What must come through unchanged: addresses, numbers, placeholders, commands. */
	private static final Pattern KEPT = Pattern.compile("https?://\\S+|[\\w.+-]+@[\\w-]+\\.[\\w.-]+"
			+ "|(?<![\\p{L}\\d@.])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}|\\+?\\d[\\d ()-]{5,}\\d|\\{[^}]*}"
			+ "|(?<![\\p{L}\\d])/[a-z_]+");

	private final Languages languages = LanguagesFile.read(new KnowledgeDirectory(KNOWLEDGE));

	private final Language cyrillic = this.languages.all()
		.stream()
		.filter(language -> language.code().equals("uz-Cyrl"))
		.findFirst()
		.orElseThrow();

	@ParameterizedTest(name = "{0} → {1}")
	@CsvFileSource(resources = "/uzbek-cyrillic/known-words.tsv", delimiter = '\t')
	void aKnownWordIsWrittenAsUzbekCyrillicWritesIt(String latin, String expected) {
		assertThat(this.languages.transliterate(this.cyrillic, latin)).isEqualTo(expected);
	}

	@Test
	void everyUzbekTextReadsRightInCyrillic() {
		List<String> wrong = new ArrayList<>();
		uzbekTexts().forEach((where, latin) -> {
			String written = this.languages.transliterate(this.cyrillic, latin);
			Matcher kept = KEPT.matcher(latin);
			while (kept.find()) {
				if (!written.contains(kept.group())) {
					wrong.add(where + ": '" + kept.group() + "' was changed");
				}
			}
			String letters = KEPT.matcher(written).replaceAll(" ").replaceAll("UNHCR|E-mail|username|end-to-end", " ");
			Matcher latinLetter = Pattern.compile("\\p{IsLatin}+").matcher(letters);
			while (latinLetter.find()) {
				wrong.add(where + ": Latin letters '" + latinLetter.group() + "' left in the Cyrillic");
			}
			Matcher apostrophe = Pattern.compile("\\p{L}'\\p{L}").matcher(written);
			while (apostrophe.find()) {
				wrong.add(where + ": an apostrophe left between letters in '" + apostrophe.group() + "'");
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void uzbekCyrillicStaysADraftUntilSomeoneWhoReadsItHasChecked() {
		KnowledgeBase knowledge = new KnowledgeLoader(Clock.systemUTC()).load(KNOWLEDGE).knowledge().orElseThrow();
		for (Topic topic : knowledge.topics()) {
			assertThat(topic.text("uz-Cyrl").status()).as(topic.id()).isEqualTo(TranslationStatus.DRAFT);
		}
		assertThat(new KnowledgeLoader(Clock.systemUTC()).validate(KNOWLEDGE).toText())
			.contains("'uz-Cyrl' is generated, and nobody who reads it has checked the generation yet");
	}

	/** Every Uzbek text maintainers write, by where it is. */
	private Map<String, String> uzbekTexts() {
		KnowledgeDirectory directory = new KnowledgeDirectory(KNOWLEDGE);
		Map<String, String> texts = new LinkedHashMap<>();
		TextFiles.read(directory, this.languages)
			.byLanguage()
			.get("uz")
			.forEach((key, text) -> texts.put("texts/uz.yaml " + key, text));
		FactFiles.read(directory, this.languages, LocalDate.now(), false)
			.forEach((name, fact) -> fact.values()
				.forEach((citizenship, values) -> texts.put("fact " + name + " " + citizenship, values.get("uz"))));
		KnowledgeBase knowledge = new KnowledgeLoader(Clock.systemUTC()).load(KNOWLEDGE).knowledge().orElseThrow();
		for (Topic topic : knowledge.topics()) {
			Topic.Text text = topic.text("uz");
			texts.put(topic.id() + " title", text.title());
			texts.put(topic.id() + " answer", text.answer());
			texts.put(topic.id() + " details", text.details());
		}
		return texts;
	}

}
