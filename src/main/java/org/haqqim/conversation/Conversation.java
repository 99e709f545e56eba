package org.haqqim.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.haqqim.announcements.TopicAlerts;
import org.haqqim.dates.MyDates;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Language;
import org.haqqim.knowledge.Topic;
import org.haqqim.matching.MatchResult;
import org.haqqim.matching.MatchingProperties;
import org.haqqim.matching.Question;
import org.haqqim.matching.QuestionMatcher;
import org.haqqim.matching.UnansweredQuestions;
import org.haqqim.reports.Reports;
import org.haqqim.system.PersonForgotten;
import org.haqqim.system.BotIdentity;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.CommandText;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Replies;
import org.haqqim.transport.Screen;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A migrant's private chat with the bot: onboarding, the menu, answers to typed
 * questions, contacts, settings and privacy, and the way into a report. Every reply is in
 * the person's chosen language, or the language of their message until they choose one.
 */
@Component
@WhenChatting
class Conversation {

	private final BotIdentity identity;

	private final CurrentKnowledge knowledge;

	private final ChatUsers users;

	private final QuestionMatcher matcher;

	private final UnansweredQuestions unanswered;

	private final TopicFeedback feedback;

	private final Reports reports;

	private final MyDates dates;

	private final TopicAlerts alerts;

	private final ApplicationEventPublisher events;

	private final int questionsKeptDays;

	Conversation(CurrentKnowledge knowledge, ChatUsers users, QuestionMatcher matcher, UnansweredQuestions unanswered,
			TopicFeedback feedback, Reports reports, MyDates dates, TopicAlerts alerts,
			ApplicationEventPublisher events, MatchingProperties matching, BotIdentity identity) {
		this.identity = identity;
		this.knowledge = knowledge;
		this.users = users;
		this.matcher = matcher;
		this.unanswered = unanswered;
		this.feedback = feedback;
		this.reports = reports;
		this.dates = dates;
		this.alerts = alerts;
		this.events = events;
		this.questionsKeptDays = (int) matching.unansweredRetention().toDays();
	}

	/**
	 * A button is answered at once (so the spinner stops) and acts; a command is obeyed;
	 * anything else goes to the person's case while one collects their messages, or is
	 * the date My dates asked for, and is otherwise a question, a location or something
	 * the bot cannot read.
	 */
	Replies handle(InboundEvent event) {
		Chat chat = new Chat(event, this.knowledge.current(), this.users.find(event.origin().chatId()),
				this.identity.username());
		if (event instanceof InboundEvent.ButtonPress press) {
			return Replies.of(new OutboundMessage.CallbackAnswer(chat.id(), press.callbackId(), null))
				.and(this.dates.handle(press, chat.audience())
					.or(() -> this.alerts.handle(press, chat.audience()))
					.or(() -> this.reports.handle(press, chat.audience()))
					.orElseGet(() -> press(press, chat)));
		}
		Optional<CommandText> command = CommandText.of(event);
		if (command.isPresent()) {
			return command(command.get(), chat);
		}
		return this.reports.handle(event, chat.audience())
			.or(() -> this.dates.handle(event, chat.audience()))
			.orElseGet(() -> message(event, chat));
	}

	/**
	 * A person staff banned: nothing of theirs reaches staff, but a message about an
	 * emergency still gets what to do now (112, the consulate's line), and
	 * {@code /forget} still works.
	 */
	Replies handleBanned(InboundEvent event) {
		if (isForgetting(event)) {
			return handle(event);
		}
		if (!(event instanceof InboundEvent.Text text) || CommandText.of(event).isPresent()) {
			return Replies.none();
		}
		Chat chat = new Chat(event, this.knowledge.current(), this.users.find(event.origin().chatId()),
				this.identity.username());
		MatchResult result = match(text, chat);
		if (!result.urgent()) {
			return Replies.none();
		}
		Audience audience = chat.user().audience(chat.user().chosenLanguage().orElse(result.language()));
		return this.reports.emergencyAdvice(text, audience, result.bestTopic().flatMap(chat.base()::topic));
	}

	/** {@code /forget} and its confirmation. */
	private static boolean isForgetting(InboundEvent event) {
		if (event instanceof InboundEvent.ButtonPress press) {
			return Action.decode(press.data()).filter(Action.Forget.class::isInstance).isPresent();
		}
		return CommandText.of(event)
			.flatMap(command -> ChatCommand.named(command.name()))
			.orElse(null) == ChatCommand.FORGET;
	}

	// --- commands

	private Replies command(CommandText command, Chat chat) {
		Screens screens = chat.screens();
		return switch (ChatCommand.named(command.name()).orElse(ChatCommand.HELP)) {
			case START -> deepLink(chat, command.arguments()).orElseGet(
					() -> chat.send(screens.languageChoice(chat.user().chosenLanguage().orElse(chat.appLanguage()))));
			case LANGUAGE -> chat.send(screens.languageChoice(chat.user().chosenLanguage().orElse(chat.appLanguage())));
			case CITIZENSHIP -> chat.send(screens.citizenshipChoice());
			case MENU -> chat.send(screens.mainMenu());
			case CONTACTS -> myConsulate(chat);
			case REPORT -> this.reports.start(chat.id(), chat.audience(), Optional.empty());
			case DATES -> this.dates.open(chat.id(), chat.audience());
			case PRIVACY -> chat.send(screens.privacy(this.reports.retentionDays(), this.questionsKeptDays));
			case FORGET -> chat.send(screens.forgetConfirmation());
			case HELP -> chat.send(screens.help());
			case CANCEL -> cancel(chat);
		};
	}

	/**
	 * A link from a flyer, {@code t.me/BOT?start=TOPIC} or {@code TOPIC-LANG}: the answer
	 * at once. A new person gets it in the link's language, which becomes theirs, and is
	 * then asked their citizenship in one tap; someone who chose a language keeps it.
	 * Empty when the link names no topic (a plain /start).
	 */
	private Optional<Replies> deepLink(Chat chat, String payload) {
		if (payload == null || payload.isBlank()) {
			return Optional.empty();
		}
		KnowledgeBase base = chat.base();
		String link = payload.strip();
		Optional<Topic> topic = base.topic(link);
		Optional<String> linkLanguage = Optional.empty();
		for (Language language : base.languages()) {
			String suffix = "-" + language.code();
			if (topic.isEmpty() && link.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
				topic = base.topic(link.substring(0, link.length() - suffix.length()));
				linkLanguage = topic.map(found -> language.code());
			}
		}
		if (topic.isEmpty()) {
			return Optional.empty();
		}
		ChatUser user = chat.user();
		if (user.chosenLanguage().isEmpty() && linkLanguage.isPresent()) {
			user = user.withLanguage(linkLanguage.get());
			this.users.save(user);
		}
		String language = user.chosenLanguage().orElse(chat.appLanguage());
		Screens screens = chat.screens(user.audience(language));
		Replies answered = chat.send(screens.answer(topic.get(), true));
		if (user.chosenCitizenship().isPresent() || user.settingsOffered()) {
			return Optional.of(answered);
		}
		this.users.save(user.offeredSettings());
		return Optional.of(answered.and(chat.send(screens.settingsOffer())));
	}

	/**
	 * Leaves the report intake (the case stays with staff when it already reached them);
	 * with nothing to leave, the menu.
	 */
	private Replies cancel(Chat chat) {
		Replies cancelled = this.reports.cancelIntake(chat.id(), chat.audience());
		return cancelled.isEmpty() ? chat.send(chat.screens().mainMenu()) : cancelled;
	}

	// --- buttons

	private Replies press(InboundEvent.ButtonPress press, Chat chat) {
		Optional<Action> decoded = Action.decode(press.data());
		if (decoded.isEmpty()) {
			return chat.send(chat.screens().oldButton());
		}
		Action action = decoded.get();
		if (action instanceof Action.ChooseLanguage choice) {
			return chooseLanguage(chat, choice.code());
		}
		if (action instanceof Action.ChooseCitizenship choice) {
			return chooseCitizenship(chat, choice.citizenship());
		}
		if (action instanceof Action.TalkToStaff talk) {
			return this.reports.start(chat.id(), chat.audience(), Optional.ofNullable(talk.topic()));
		}
		if (action instanceof Action.RateAnswer rate) {
			return rateAnswer(chat, rate);
		}
		if (action instanceof Action.Forget forget) {
			return forget(chat, forget.confirmed());
		}
		return navigate(action, chat);
	}

	/** The buttons that only show something: menus, answers, offices, settings. */
	private Replies navigate(Action action, Chat chat) {
		KnowledgeBase base = chat.base();
		Screens screens = chat.screens();
		if (action instanceof Action.MainMenu) {
			return chat.replace(screens.mainMenu());
		}
		if (action instanceof Action.OpenCategory open) {
			return chat.replace(base.category(open.category()).map(screens::category).orElseGet(screens::oldButton));
		}
		if (action instanceof Action.ShowTopic show) {
			return chat
				.replace(base.topic(show.topic()).map(t -> screens.answer(t, true)).orElseGet(screens::oldButton));
		}
		if (action instanceof Action.ShowDetails show) {
			return chat.send(base.topic(show.topic()).map(screens::details).orElseGet(screens::oldButton));
		}
		if (action instanceof Action.ShowRelated show) {
			return chat.replace(base.topic(show.topic()).map(screens::related).orElseGet(screens::oldButton));
		}
		if (action instanceof Action.MyConsulate) {
			return myConsulate(chat);
		}
		if (action instanceof Action.OfficesOf of) {
			return chat.send(screens.offices(of.country()), screens.locationPrompt());
		}
		if (action instanceof Action.OfficesIn in) {
			return chat.send(screens.officesIn(in.country(), in.city()));
		}
		if (action instanceof Action.ChangeSettings) {
			return chat.send(screens.citizenshipChoice());
		}
		throw new IllegalArgumentException("No screen for the action " + action.getClass().getSimpleName());
	}

	private Replies chooseLanguage(Chat chat, String code) {
		Optional<Language> language = chat.base().language(code);
		if (language.isEmpty()) {
			return chat.send(chat.screens().oldButton());
		}
		ChatUser updated = chat.user().withLanguage(code);
		this.users.save(updated);
		Screens screens = chat.screens(updated.audience(code));
		if (updated.chosenCitizenship().isEmpty()) {
			return chat.replace(screens.citizenshipChoice());
		}
		return chat.replace(screens.languageSaved(language.get())).and(chat.send(screens.mainMenu()));
	}

	private Replies chooseCitizenship(Chat chat, Citizenship citizenship) {
		ChatUser updated = chat.user().withCitizenship(citizenship).offeredSettings();
		if (updated.chosenLanguage().isEmpty()) {
			updated = updated.withLanguage(chat.appLanguage());
		}
		this.users.save(updated);
		Screens screens = chat.screens(updated.audience(chat.appLanguage()));
		return chat.replace(screens.citizenshipSaved(citizenship)).and(chat.send(screens.welcome()));
	}

	private Replies rateAnswer(Chat chat, Action.RateAnswer rate) {
		Optional<Topic> topic = chat.base().topic(rate.topic());
		if (topic.isEmpty()) {
			return Replies.none();
		}
		this.feedback.count(rate.topic(), chat.audience().language(), rate.helpful());
		Replies rated = chat.messageId() == null ? Replies.none()
				: chat.replace(chat.screens().answer(topic.get(), false));
		return rated.and(chat.send(chat.screens().feedbackThanks()));
	}

	/**
	 * Confirmed: the person's cases, settings, questions without an answer and queued
	 * messages are erased.
	 */
	private Replies forget(Chat chat, boolean confirmed) {
		if (!confirmed) {
			return chat.replace(chat.screens().notForgotten());
		}
		Replies withdrawn = this.reports.forget(chat.id());
		this.unanswered.forget(chat.id());
		this.dates.forget(chat.id());
		this.alerts.forget(chat.id());
		this.users.forget(chat.id());
		this.events.publishEvent(new PersonForgotten());
		return withdrawn.afterForgetting(chat.id()).and(chat.replace(chat.screens().forgotten()));
	}

	private Replies myConsulate(Chat chat) {
		Screens screens = chat.screens();
		return chat.user()
			.chosenCitizenship()
			.flatMap(Citizenship::country)
			.map(country -> chat.send(screens.offices(country), screens.locationPrompt()))
			.orElseGet(() -> chat.send(screens.countryChoice()));
	}

	// --- messages

	private Replies message(InboundEvent event, Chat chat) {
		if (event instanceof InboundEvent.Text text) {
			return answer(text, chat);
		}
		if (event instanceof InboundEvent.Location location) {
			return chat.send(chat.screens().officesNear(location.latitude(), location.longitude()));
		}
		if (event instanceof InboundEvent.Media media) {
			this.reports.rememberMedia(media);
			return chat.send(mediaScreen(media, chat.screens()));
		}
		return chat.send(chat.screens().onlyText("input.unsupported"));
	}

	/**
	 * A typed question: the answer when the matcher is confident, "did you mean" when it
	 * hesitates, the way to staff for what only a person can help with, an honest "I
	 * don't know" otherwise; hello back and the menu for a greeting, "you are welcome"
	 * for thanks. Urgent messages go to the report flow first. Someone who has not chosen
	 * a citizenship is offered the choice once.
	 */
	private Replies answer(InboundEvent.Text text, Chat chat) {
		KnowledgeBase base = chat.base();
		ChatUser user = chat.user();
		MatchResult result = match(text, chat);
		Audience audience = user.audience(user.chosenLanguage().orElse(result.language()));
		Screens screens = chat.screens(audience);
		if (result.urgent()) {
			return this.reports.offerUrgentReport(text, audience, result.bestTopic().flatMap(base::topic));
		}
		if (result.decision() == MatchResult.Decision.GREETING && user.chosenLanguage().isEmpty()) {
			// A greeting is too short to tell the language by ("салом" is Uzbek in
			// Cyrillic and Tajik alike): hello back in the likeliest one, and the choice.
			return chat.send(screens.greeting(), screens.languageChoice(result.language()));
		}
		Optional<Topic> topic = result.topic().flatMap(base::topic);
		Replies answered = chat.send(switch (result.decision()) {
			case GREETING -> screens.greeting();
			case THANKS -> screens.thanks();
			case STAFF -> forStaff(text, result, screens);
			default -> topic.map(found -> screens.answer(found, true))
				.orElseGet(() -> unanswered(text, result, screens, base));
		});
		if (user.chosenCitizenship().isPresent() || user.settingsOffered()) {
			return answered;
		}
		this.users.save(user.offeredSettings());
		return answered.and(chat.send(screens.settingsOffer()));
	}

	/**
	 * What the person asked, read in the language they chose, or their app's until they
	 * choose, and for their citizenship.
	 */
	private MatchResult match(InboundEvent.Text text, Chat chat) {
		ChatUser user = chat.user();
		return this.matcher
			.match(new Question(text.text(), user.chosenLanguage().orElse(chat.appLanguage()), user.citizenship()));
	}

	/**
	 * "Did you mean" when some topics came close, else "I don't know"; either way kept
	 * for maintainers.
	 */
	private Screen unanswered(InboundEvent.Text text, MatchResult result, Screens screens, KnowledgeBase base) {
		this.unanswered.record(text.text(), result.language(), text.origin().chatId());
		List<Topic> candidates = result.alternatives().stream().flatMap(id -> base.topic(id).stream()).toList();
		return candidates.isEmpty() ? screens.noMatch() : screens.didYouMean(candidates);
	}

	/**
	 * No answer, honestly, and the way to staff, for what only a person can help with;
	 * kept for maintainers like any question without an answer.
	 */
	private Screen forStaff(InboundEvent.Text text, MatchResult result, Screens screens) {
		this.unanswered.record(text.text(), result.language(), text.origin().chatId());
		return screens.forStaff();
	}

	private static Screen mediaScreen(InboundEvent.Media media, Screens screens) {
		return switch (media.kind()) {
			case VOICE, AUDIO, VIDEO_NOTE -> screens.mediaOutsideAReport("input.voice");
			case PHOTO, VIDEO -> screens.mediaOutsideAReport("input.photo");
			case DOCUMENT -> screens.mediaOutsideAReport("input.document");
			case STICKER, ANIMATION -> screens.onlyText("input.sticker");
		};
	}

	/**
	 * The chat an event came from, as this conversation sees it: the person's settings,
	 * the language their app suggests, and the screens in their language.
	 */
	private record Chat(InboundEvent event, KnowledgeBase base, ChatUser user, Optional<String> bot) {

		long id() {
			return this.event.origin().chatId();
		}

		/** The message a button was pressed on, when Telegram still has it. */
		Integer messageId() {
			return this.event.origin().messageId();
		}

		String appLanguage() {
			return this.base.languageForApp(this.event.origin().languageCode());
		}

		Audience audience() {
			return this.user.audience(appLanguage());
		}

		Screens screens() {
			return screens(audience());
		}

		/**
		 * The screens for someone, with a way to share answers once the bot knows its
		 * name.
		 */
		Screens screens(Audience audience) {
			return new Screens(this.base, audience, this.bot);
		}

		Replies send(Screen... screens) {
			Replies replies = Replies.none();
			for (Screen screen : screens) {
				replies = replies.and(screen.sendTo(id()));
			}
			return replies;
		}

		/**
		 * In place of the message the button was pressed on, where Telegram allows it.
		 */
		Replies replace(Screen screen) {
			return Replies.of(screen.replacing(id(), messageId()));
		}

	}

}
