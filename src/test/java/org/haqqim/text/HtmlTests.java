package org.haqqim.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User text inside Telegram HTML (S6): shown literally, never as markup, never breaking
 * the message.
 */
class HtmlTests {

	@Test
	void escapesExactlyWhatTelegramRequires() {
		String typed = "<b>x</b> <a href=\"tg://user?id=1\">y</a> & 1<2";
		assertThat(Html.escape(typed))
			.isEqualTo("&lt;b&gt;x&lt;/b&gt; &lt;a href=\"tg://user?id=1\"&gt;y&lt;/a&gt; &amp; 1&lt;2");
	}

	@Test
	void plainTextIsWhatThePersonSees() {
		assertThat(Html.toPlainText("<b>Case #3</b>\n" + Html.escape("a < b & c"))).isEqualTo("Case #3\na < b & c");
	}

}
