package org.haqqim.dates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.PersonalDate;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.DeliveryListener;
import org.haqqim.transport.DeliveryResult;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.MessageUndeliverable;
import org.haqqim.transport.Replies;
import org.haqqim.transport.Screen;

import org.springframework.stereotype.Component;

/**
 * My dates (issue 17): a person who agreed to keep their dates gives them by buttons or
 * typed, sees what is due for their citizenship and by when, and may ask for reminders.
 * Only dates are kept; /forget erases them; a person who blocked the bot gets no more
 * reminders.
 */
@Component
@WhenChatting
public class MyDates implements DeliveryListener {

	/** The correlation of a reminder's message, so that a blocked bot stops reminders. */
	static final String REMINDER = "dt:reminder";

	private final DateBook book;

	private final DateReminders reminders;

	private final CurrentKnowledge knowledge;

	private final DatesProperties properties;

	private final Clock clock;

	MyDates(DateBook book, DateReminders reminders, CurrentKnowledge knowledge, DatesProperties properties,
			Clock clock) {
		this.book = book;
		this.reminders = reminders;
		this.knowledge = knowledge;
		this.properties = properties;
		this.clock = clock;
	}

	/** The data of a button that opens My dates, for the menus of others. */
	public static String openButton() {
		return new DateAction.Open().encode();
	}

	/** Whether a button's data is one of My dates, which {@link #handle} answers. */
	public static boolean isButton(String data) {
		return DateAction.decode(data).isPresent();
	}

	/**
	 * /dates: the question whether to keep dates, or the person's dates and what is due.
	 */
	public Replies open(long chatId, Audience audience) {
		return send(chatId, openScreen(chatId, audience, null));
	}

	/**
	 * A button of My dates, or a date typed when one was asked for; empty for anything
	 * else. A message that is not a date while one was asked for is not taken: the bot
	 * stops asking and the message is read as a question (it may be an emergency).
	 */
	public Optional<Replies> handle(InboundEvent event, Audience audience) {
		if (event instanceof InboundEvent.ButtonPress press) {
			if (!DateAction.isDateButton(press.data())) {
				return Optional.empty();
			}
			return Optional.of(DateAction.decode(press.data())
				.map(action -> press(action, press, audience))
				.orElse(Replies.none()));
		}
		if (event instanceof InboundEvent.Text text) {
			long chatId = text.origin().chatId();
			return this.book.find(chatId)
				.flatMap(DateBook.Owner::awaitingDate)
				.flatMap(date -> typed(chatId, date, text.text(), audience));
		}
		return Optional.empty();
	}

	/** Erases the person's dates, their consent and their reminders. */
	public void forget(long chatId) {
		this.reminders.forget(chatId);
		this.book.forget(chatId);
	}

	@Override
	public Replies undeliverable(MessageUndeliverable failed) {
		if (REMINDER.equals(failed.correlation()) && failed.kind() == DeliveryResult.FailureKind.BLOCKED) {
			this.book.reminders(failed.chatId(), false);
			this.reminders.stop(failed.chatId());
		}
		return Replies.none();
	}

	private Optional<Replies> typed(long chatId, PersonalDate date, String text, Audience audience) {
		KnowledgeBase base = this.knowledge.current();
		DateReader reader = new DateReader(base.deadlines().words().values());
		LocalDate today = today();
		Optional<LocalDate> day = reader.read(text, today, date.isPast());
		if (day.isEmpty()) {
			this.book.awaiting(chatId, null);
			return Optional.empty();
		}
		return Optional.of(send(chatId, chosen(chatId, date, day.get(), audience)));
	}

	private Replies press(DateAction action, InboundEvent.ButtonPress press, Audience audience) {
		long chatId = press.origin().chatId();
		Integer messageId = press.origin().messageId();
		DateScreens screens = screens(audience);
		if (action instanceof DateAction.Open) {
			return replace(chatId, messageId, openScreen(chatId, audience, null));
		}
		if (action instanceof DateAction.Consent consent) {
			if (!consent.keep()) {
				return replace(chatId, messageId, screens.declined());
			}
			if (audience.citizenship().isPresent()) {
				this.book.open(chatId);
			}
			return replace(chatId, messageId, openScreen(chatId, audience, null));
		}
		if (action instanceof DateAction.Done done) {
			this.reminders.done(chatId, done.deadline());
			return send(chatId, Screen.of(screens.text("dates.reminder-done")));
		}
		if (action instanceof DateAction.Tomorrow tomorrow) {
			this.reminders.tomorrow(chatId, tomorrow.deadline());
			return send(chatId, Screen.of(screens.text("dates.reminder-tomorrow")));
		}
		if (action instanceof DateAction.Nothing) {
			return Replies.none();
		}
		Optional<DateBook.Owner> owner = this.book.find(chatId);
		if (owner.isEmpty() || audience.citizenship().isEmpty()) {
			return replace(chatId, messageId, openScreen(chatId, audience, null));
		}
		if (action instanceof DateAction.Ask ask) {
			this.book.awaiting(chatId, ask.date());
			return replace(chatId, messageId, screens.ask(ask.date(), YearMonth.from(today()), today(), null));
		}
		if (action instanceof DateAction.ShowMonth show) {
			this.book.awaiting(chatId, show.date());
			return replace(chatId, messageId, screens.ask(show.date(), show.month(), today(), null));
		}
		if (action instanceof DateAction.Pick pick) {
			return replace(chatId, messageId, chosen(chatId, pick.date(), pick.day(), audience));
		}
		if (action instanceof DateAction.Remind remind) {
			this.book.reminders(chatId, remind.on());
			DateBook.Owner updated = this.book.find(chatId).orElseThrow();
			if (remind.on()) {
				this.reminders.schedule(chatId, timeline(updated, audience.citizenship().get()));
			}
			else {
				this.reminders.stop(chatId);
			}
			String notice = screens.text(remind.on() ? "dates.reminders-on" : "dates.reminders-off");
			return replace(chatId, messageId, overview(updated, audience, notice));
		}
		throw new IllegalArgumentException("No handling for the date action " + action.getClass().getSimpleName());
	}

	/** A date given: kept when it can be, then the overview; else asked again. */
	private Screen chosen(long chatId, PersonalDate date, LocalDate day, Audience audience) {
		DateScreens screens = screens(audience);
		LocalDate today = today();
		if (date.isPast() && day.isAfter(today)) {
			return screens.ask(date, YearMonth.from(today), today, screens.text("dates.not-in-future"));
		}
		if (date.isPast() && day.isBefore(today.minusYears(DateScreens.YEARS_AROUND))) {
			return screens.ask(date, YearMonth.from(today), today, screens.text("dates.too-old"));
		}
		this.book.save(chatId, date, day);
		DateBook.Owner owner = this.book.find(chatId).orElseThrow();
		if (owner.reminders()) {
			this.reminders.schedule(chatId, timeline(owner, audience.citizenship().orElseThrow()));
		}
		String notice = screens.text("dates.saved",
				Map.of("kind", this.knowledge.current().plainText("date." + date.id(), audience), "date",
						DateScreens.SHOWN.format(day)));
		return overview(owner, audience, notice);
	}

	private Screen openScreen(long chatId, Audience audience, String notice) {
		DateScreens screens = screens(audience);
		if (audience.citizenship().isEmpty()) {
			return screens.needCitizenship();
		}
		return this.book.find(chatId).map(owner -> overview(owner, audience, notice)).orElseGet(screens::intro);
	}

	private Screen overview(DateBook.Owner owner, Audience audience, String notice) {
		Citizenship citizenship = audience.citizenship().orElseThrow();
		return screens(audience).overview(owner, citizenship, timeline(owner, citizenship), today(), notice);
	}

	private Timeline timeline(DateBook.Owner owner, Citizenship citizenship) {
		return Timeline.of(owner.dates(), citizenship, this.knowledge.current().deadlines());
	}

	private DateScreens screens(Audience audience) {
		return new DateScreens(this.knowledge.current(), audience);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.properties.zone());
	}

	private static Replies send(long chatId, Screen screen) {
		return Replies.of(screen.sendTo(chatId));
	}

	private static Replies replace(long chatId, Integer messageId, Screen screen) {
		return Replies.of(screen.replacing(chatId, messageId));
	}

}
