package org.haqqim.conversation;

import java.util.Optional;

import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.Country;

/**
 * What a button of the conversation does, and its compact form as Telegram's
 * {@code callback_data} (at most 64 bytes; ids are at most 40). The data comes back from
 * the person's app and is not trusted: anything that does not decode is treated as an old
 * button.
 */
sealed interface Action {

	String encode();

	record ChooseLanguage(String code) implements Action {

		@Override
		public String encode() {
			return "l:" + this.code;
		}

	}

	record ChooseCitizenship(Citizenship citizenship) implements Action {

		@Override
		public String encode() {
			return "c:" + this.citizenship.name();
		}

	}

	record MainMenu() implements Action {

		@Override
		public String encode() {
			return "m";
		}

	}

	record OpenCategory(String category) implements Action {

		@Override
		public String encode() {
			return "k:" + this.category;
		}

	}

	record ShowTopic(String topic) implements Action {

		@Override
		public String encode() {
			return "t:" + this.topic;
		}

	}

	record ShowDetails(String topic) implements Action {

		@Override
		public String encode() {
			return "d:" + this.topic;
		}

	}

	record ShowRelated(String topic) implements Action {

		@Override
		public String encode() {
			return "r:" + this.topic;
		}

	}

	/** The offices of the person's own country. */
	record MyConsulate() implements Action {

		@Override
		public String encode() {
			return "o";
		}

	}

	record OfficesOf(Country country) implements Action {

		@Override
		public String encode() {
			return "oc:" + this.country.name();
		}

	}

	record OfficesIn(Country country, String city) implements Action {

		@Override
		public String encode() {
			return "oi:" + this.country.name() + ":" + this.city;
		}

	}

	record RateAnswer(String topic, boolean helpful) implements Action {

		@Override
		public String encode() {
			return "f:" + this.topic + ":" + (this.helpful ? "1" : "0");
		}

	}

	record ChangeSettings() implements Action {

		@Override
		public String encode() {
			return "s";
		}

	}

	record Forget(boolean confirmed) implements Action {

		@Override
		public String encode() {
			return this.confirmed ? "x:1" : "x:0";
		}

	}

	/** Write to consulate staff, about a topic when there is one. */
	record TalkToStaff(String topic) implements Action {

		@Override
		public String encode() {
			return this.topic == null ? "w" : "w:" + this.topic;
		}

	}

	static Optional<Action> decode(String data) {
		if (data == null || data.isEmpty() || data.length() > 64) {
			return Optional.empty();
		}
		String[] parts = data.split(":", -1);
		String argument = parts.length > 1 ? parts[1] : null;
		return Optional.ofNullable(switch (parts[0]) {
			case "l" -> parts.length == 2 ? new ChooseLanguage(argument) : null;
			case "c" -> parts.length == 2 ? Citizenship.parse(argument).map(ChooseCitizenship::new).orElse(null) : null;
			case "m" -> parts.length == 1 ? new MainMenu() : null;
			case "k" -> parts.length == 2 ? new OpenCategory(argument) : null;
			case "t" -> parts.length == 2 ? new ShowTopic(argument) : null;
			case "d" -> parts.length == 2 ? new ShowDetails(argument) : null;
			case "r" -> parts.length == 2 ? new ShowRelated(argument) : null;
			case "o" -> parts.length == 1 ? new MyConsulate() : null;
			case "oc" -> parts.length == 2 ? Country.parse(argument).map(OfficesOf::new).orElse(null) : null;
			case "oi" -> parts.length == 3
					? Country.parse(argument).map(country -> new OfficesIn(country, parts[2])).orElse(null) : null;
			case "f" -> parts.length == 3 && (parts[2].equals("1") || parts[2].equals("0"))
					? new RateAnswer(argument, parts[2].equals("1")) : null;
			case "s" -> parts.length == 1 ? new ChangeSettings() : null;
			case "x" -> parts.length == 2 && (argument.equals("1") || argument.equals("0"))
					? new Forget(argument.equals("1")) : null;
			case "w" ->
				parts.length == 1 ? new TalkToStaff(null) : parts.length == 2 ? new TalkToStaff(argument) : null;
			default -> null;
		});
	}

}
