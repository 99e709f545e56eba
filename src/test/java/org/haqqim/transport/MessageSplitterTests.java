package org.haqqim.transport;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Long texts split under Telegram's limit at the most natural break, without cutting
 * markup (S7).
 */
class MessageSplitterTests {

	private final MessageSplitter splitter = new MessageSplitter(100);

	@Test
	void shortTextStaysWhole() {
		assertThat(this.splitter.split("<b>Hello</b>")).containsExactly("<b>Hello</b>");
	}

	@Test
	void splitsAtParagraphsFirst() {
		String first = "a".repeat(60);
		String second = "b".repeat(60);
		assertThat(this.splitter.split(first + "\n\n" + second)).containsExactly(first, second);
	}

	@Test
	void splitsBetweenWordsWhenALineIsTooLong() {
		String line = "word ".repeat(50).strip();
		List<String> parts = this.splitter.split(line);
		assertThat(parts).hasSizeGreaterThan(2).allSatisfy(part -> {
			assertThat(part.length()).isLessThanOrEqualTo(100);
			assertThat(part).doesNotStartWith(" ").doesNotEndWith(" ");
		});
		assertThat(String.join(" ", parts)).isEqualTo(line);
	}

	@Test
	void aHeadingIsNotLeftAloneInAMessageOfItsOwn() {
		String answer = "<b>Ответ консульства:</b>\n\n" + "слово ".repeat(30).strip();
		List<String> parts = this.splitter.split(answer);
		assertThat(parts.get(0)).startsWith("<b>Ответ консульства:</b>").contains("слово");
		assertThat(String.join(" ", parts).replace("\n\n", " ")).isEqualTo(answer.replace("\n\n", " "));
	}

	@Test
	void neverCutsAnEntityOrATag() {
		String text = ("x &amp; <b>y</b> ").repeat(40);
		for (String part : this.splitter.split(text)) {
			assertThat(part.chars().filter(c -> c == '<').count())
				.isEqualTo(part.chars().filter(c -> c == '>').count());
			assertThat(part).doesNotEndWith("&amp").doesNotEndWith("&");
		}
	}

	@Test
	void countsWhatThePersonSeesNotTheMarkup() {
		String bold = "<b>" + "z".repeat(90) + "</b>";
		assertThat(this.splitter.split(bold)).containsExactly(bold);
	}

	@Test
	void refusesAnUnreasonableLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageSplitter(10))
			.withMessage("Split limit must be at least 100 characters but was 10");
	}

}
