package org.haqqim.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Category;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.Knowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Language;
import org.haqqim.knowledge.Topic;
import org.haqqim.matching.MatchResult;
import org.haqqim.matching.Question;
import org.haqqim.matching.QuestionMatcher;
import org.haqqim.matching.UnansweredQuestions;
import org.haqqim.reports.Reports;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.MediaKind;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;

import org.springframework.stereotype.Component;

/**
 * A migrant's private chat with the bot: onboarding, the menu, answers to typed
 * questions, contacts, settings and privacy. Every reply is in the person's chosen
 * language, or the language of their message until they choose one.
 */
@Component
@WhenChatting
class Conversation {

	private final Knowledge knowledge;

	private final ChatUsers users;

	private final QuestionMatcher matcher;

	private final UnansweredQuestions unanswered;

	private final TopicFeedback feedback;

	private final Reports reports;

	private final Outbox outbox;

	Conversation(Knowledge knowledge, ChatUsers users, QuestionMatcher matcher, UnansweredQuestions unanswered,
			TopicFeedback feedback, Reports reports, Outbox outbox) {
		this.knowledge = knowledge;
		this.users = users;
		this.matcher = matcher;
		this.unanswered = unanswered;
		this.feedback = feedback;
		this.reports = reports;
		this.outbox = outbox;
	}

	void handle(InboundEvent event) {
		long chat = event.origin().chatId();
		KnowledgeBase base = this.knowledge.current();
		ChatUser user = this.users.find(chat);
		String appLanguage = Dispatcher.languageHint(base, event.origin().languageCode());
		if (event instanceof InboundEvent.ButtonPress press) {
			this.outbox.enqueue(new OutboundMessage.CallbackAnswer(chat, press.callbackId(), null));
			if (this.reports.handlesButton(press.data())) {
				this.reports.handleButton(press, user.audience(appLanguage));
			}
			else {
				handleButton(press, base, user, appLanguage);
			}
			return;
		}
		if (event instanceof InboundEvent.Text text && isCommand(text.text())) {
			handleCommand(text, base, user, appLanguage);
			return;
		}
		if (this.reports.isActive(chat)) {
			this.reports.handleFromUser(event, user.audience(appLanguage));
			return;
		}
		if (event instanceof InboundEvent.Text text) {
			answerQuestion(text, base, user, appLanguage);
		}
		else if (event instanceof InboundEvent.Location location) {
			send(chat, screens(base, user, appLanguage).officesNear(location.latitude(), location.longitude()));
		}
		else if (event instanceof InboundEvent.Media media) {
			this.reports.rememberMedia(media);
			send(chat, mediaScreen(media, screens(base, user, appLanguage)));
		}
		else {
			send(chat, screens(base, user, appLanguage).onlyText("input.unsupported"));
		}
	}

	// --- commands
	// ----------------------------------------------------------------------------------

	private void handleCommand(InboundEvent.Text text, KnowledgeBase base, ChatUser user, String appLanguage) {
		long chat = text.origin().chatId();
		Screens screens = screens(base, user, appLanguage);
		switch (command(text.text())) {
			case "start" -> send(chat, screens.languageChoice(user.chosenLanguage().orElse(appLanguage)));
			case "language" -> send(chat, screens.languageChoice(user.chosenLanguage().orElse(appLanguage)));
			case "citizenship" -> send(chat, screens.citizenshipChoice());
			case "menu" -> send(chat, screens.mainMenu());
			case "contacts" -> showMyConsulate(chat, screens, user);
			case "report" -> this.reports.start(chat, user.audience(appLanguage), null);
			case "privacy" -> send(chat, screens.privacy(this.reports.retentionDays()));
			case "forget" -> send(chat, screens.forgetConfirmation());
			default -> send(chat, screens.help());
		}
	}

	// --- buttons
	// -----------------------------------------------------------------------------------

	private void handleButton(InboundEvent.ButtonPress press, KnowledgeBase base, ChatUser user, String appLanguage) {
		long chat = press.origin().chatId();
		Integer message = press.origin().messageId();
		Optional<Action> decoded = Action.decode(press.data());
		if (decoded.isEmpty()) {
			send(chat, screens(base, user, appLanguage).oldButton());
			return;
		}
		Action action = decoded.get();
		if (action instanceof Action.ChooseLanguage choice) {
			chooseLanguage(chat, message, base, user, choice.code(), appLanguage);
			return;
		}
		if (action instanceof Action.ChooseCitizenship choice) {
			chooseCitizenship(chat, message, base, user, choice.citizenship(), appLanguage);
			return;
		}
		Screens screens = screens(base, user, appLanguage);
		if (action instanceof Action.MainMenu) {
			this.outbox.enqueue(screens.mainMenu().replacing(chat, message));
		}
		else if (action instanceof Action.OpenCategory open) {
			Optional<Category> category = base.category(open.category());
			this.outbox.enqueue(category.map(screens::category).orElseGet(screens::oldButton).replacing(chat, message));
		}
		else if (action instanceof Action.ShowTopic show) {
			Optional<Topic> topic = base.topic(show.topic());
			this.outbox.enqueue(
					topic.map(t -> screens.answer(t, true)).orElseGet(screens::oldButton).replacing(chat, message));
		}
		else if (action instanceof Action.ShowDetails show) {
			send(chat, base.topic(show.topic()).map(screens::details).orElseGet(screens::oldButton));
		}
		else if (action instanceof Action.ShowRelated show) {
			this.outbox.enqueue(base.topic(show.topic())
				.map(screens::related)
				.orElseGet(screens::oldButton)
				.replacing(chat, message));
		}
		else if (action instanceof Action.RateAnswer rate) {
			rateAnswer(chat, message, base, screens, rate, user.audience(appLanguage));
		}
		else if (action instanceof Action.MyConsulate) {
			showMyConsulate(chat, screens, user);
		}
		else if (action instanceof Action.OfficesOf of) {
			send(chat, screens.offices(of.country()));
			send(chat, screens.locationPrompt());
		}
		else if (action instanceof Action.OfficesIn in) {
			send(chat, screens.officesIn(in.country(), in.city()));
		}
		else if (action instanceof Action.ChangeSettings) {
			send(chat, screens.citizenshipChoice());
		}
		else if (action instanceof Action.Forget forget) {
			forget(chat, message, screens, forget.confirmed());
		}
		else if (action instanceof Action.TalkToStaff talk) {
			this.reports.start(chat, user.audience(appLanguage), talk.topic());
		}
	}

	private void chooseLanguage(long chat, Integer message, KnowledgeBase base, ChatUser user, String code,
			String appLanguage) {
		Optional<Language> language = base.language(code);
		if (language.isEmpty()) {
			send(chat, screens(base, user, appLanguage).oldButton());
			return;
		}
		ChatUser updated = user.withLanguage(code);
		this.users.save(updated);
		Screens screens = screens(base, updated, code);
		if (updated.chosenCitizenship().isEmpty()) {
			this.outbox.enqueue(screens.citizenshipChoice().replacing(chat, message));
		}
		else {
			this.outbox.enqueue(screens.languageSaved(language.get()).replacing(chat, message));
			send(chat, screens.mainMenu());
		}
	}

	private void chooseCitizenship(long chat, Integer message, KnowledgeBase base, ChatUser user,
			Citizenship citizenship, String appLanguage) {
		ChatUser updated = user.withCitizenship(citizenship).offeredSettings();
		if (updated.chosenLanguage().isEmpty()) {
			updated = updated.withLanguage(appLanguage);
		}
		this.users.save(updated);
		Screens screens = screens(base, updated, appLanguage);
		this.outbox.enqueue(screens.citizenshipSaved(citizenship).replacing(chat, message));
		send(chat, screens.welcome());
	}

	private void rateAnswer(long chat, Integer message, KnowledgeBase base, Screens screens, Action.RateAnswer rate,
			Audience audience) {
		Optional<Topic> topic = base.topic(rate.topic());
		if (topic.isEmpty()) {
			return;
		}
		this.feedback.count(rate.topic(), audience.language(), rate.helpful());
		if (message != null) {
			this.outbox.enqueue(screens.answer(topic.get(), false).replacing(chat, message));
		}
		send(chat, screens.feedbackThanks());
	}

	private void forget(long chat, Integer message, Screens screens, boolean confirmed) {
		if (!confirmed) {
			this.outbox.enqueue(screens.notForgotten().replacing(chat, message));
			return;
		}
		this.reports.forget(chat);
		this.users.forget(chat);
		this.outbox.discardPendingFor(chat);
		this.outbox.enqueue(screens.forgotten().replacing(chat, message));
	}

	private void showMyConsulate(long chat, Screens screens, ChatUser user) {
		Optional<String> country = user.chosenCitizenship().flatMap(Citizenship::country);
		if (country.isEmpty()) {
			send(chat, screens.countryChoice());
			return;
		}
		send(chat, screens.offices(country.get()));
		send(chat, screens.locationPrompt());
	}

	// --- free text
	// ---------------------------------------------------------------------------------

	/**
	 * A typed question: the answer when the matcher is confident, "did you mean" when it
	 * hesitates, an honest "I don't know" otherwise; hello back and the menu for a
	 * greeting, "you are welcome" for thanks. Urgent messages go to the report flow
	 * first. Someone who has not chosen a citizenship is offered the choice once.
	 */
	private void answerQuestion(InboundEvent.Text text, KnowledgeBase base, ChatUser user, String appLanguage) {
		long chat = text.origin().chatId();
		String hint = user.chosenLanguage().orElse(appLanguage);
		MatchResult result = this.matcher.match(new Question(text.text(), hint, user.citizenship()));
		String replyLanguage = user.chosenLanguage().orElse(result.language());
		Audience audience = user.audience(replyLanguage);
		Screens screens = new Screens(base, audience);
		Optional<Topic> topic = result.topic().flatMap(base::topic);
		if (result.urgent()) {
			this.reports.offerUrgentReport(text, audience, result.bestTopic().flatMap(base::topic));
			return;
		}
		if (result.decision() == MatchResult.Decision.GREETING) {
			send(chat, screens.greeting());
		}
		else if (result.decision() == MatchResult.Decision.THANKS) {
			send(chat, screens.thanks());
		}
		else if (topic.isPresent()) {
			send(chat, screens.answer(topic.get(), true));
		}
		else {
			this.unanswered.record(text.text(), result.language());
			List<Topic> candidates = result.alternatives().stream().flatMap(id -> base.topic(id).stream()).toList();
			send(chat, candidates.isEmpty() ? screens.noMatch() : screens.didYouMean(candidates));
		}
		if (user.chosenCitizenship().isEmpty() && !user.settingsOffered()) {
			this.users.save(user.offeredSettings());
			send(chat, screens.settingsOffer());
		}
	}

	private static Screen mediaScreen(InboundEvent.Media media, Screens screens) {
		if (media.kind() == MediaKind.VOICE || media.kind() == MediaKind.AUDIO
				|| media.kind() == MediaKind.VIDEO_NOTE) {
			return screens.mediaOutsideAReport("input.voice");
		}
		if (media.kind() == MediaKind.PHOTO || media.kind() == MediaKind.VIDEO) {
			return screens.mediaOutsideAReport("input.photo");
		}
		if (media.kind() == MediaKind.DOCUMENT) {
			return screens.mediaOutsideAReport("input.document");
		}
		return screens.onlyText("input.sticker");
	}

	private Screens screens(KnowledgeBase base, ChatUser user, String appLanguage) {
		return new Screens(base, user.audience(appLanguage));
	}

	private void send(long chat, Screen screen) {
		this.outbox.enqueue(screen.sendTo(chat));
	}

	static boolean isCommand(String text) {
		return text.strip().startsWith("/");
	}

	/** The command's name, without the slash, a bot's @name, or arguments. */
	static String command(String text) {
		String first = text.strip().split("\\s+", 2)[0];
		int at = first.indexOf('@');
		return (at > 0 ? first.substring(1, at) : first.substring(1)).toLowerCase(Locale.ROOT);
	}

}
