package org.haqqim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.haqqim.telegram.FakeBotApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten people writing to the bot while a test kills it: each sends /help or /privacy every
 * so often, round and round, and afterwards what each chat got is held against what it
 * should have got, in order.
 */
final class SteadyTraffic {

	private static final int PEOPLE = 10;

	/**
	 * Each of the ten people writes every four seconds, 15 a minute: below the flood
	 * limit, as in the reliability review's downtime test, and within what Telegram lets
	 * a bot send one chat, so that the backlog a kill leaves is worked off.
	 */
	private static final Duration BETWEEN_MESSAGES = Duration.ofMillis(400);

	private final FakeBotApi telegram;

	private final long firstPerson;

	private final Random random;

	private final Map<Long, List<String>> expected = new ConcurrentHashMap<>();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicInteger written = new AtomicInteger();

	private Thread people;

	SteadyTraffic(FakeBotApi telegram, long firstPerson, Random random) {
		this.telegram = telegram;
		this.firstPerson = firstPerson;
		this.random = random;
	}

	/** Learns the two answers from a person of its own, then starts the ten writing. */
	void start(Duration wait) {
		List<String> answers = helpAndPrivacy(this.firstPerson - 1, wait);
		this.writing.set(true);
		this.people = new Thread(() -> keepWriting(answers), "people");
		this.people.start();
	}

	void stop() throws InterruptedException {
		this.writing.set(false);
		this.people.join();
	}

	/** What each chat got against what it should have. */
	Tally tally() {
		Tally tally = new Tally();
		this.expected.forEach((chat, sent) -> tally.add(sent, this.telegram.textsSentTo(chat)));
		return tally;
	}

	int people() {
		return this.expected.size();
	}

	/** How many messages the people have sent so far. */
	int written() {
		return this.written.get();
	}

	private void keepWriting(List<String> answers) {
		int message = 0;
		while (this.writing.get()) {
			long person = this.firstPerson + message % PEOPLE;
			boolean help = this.random.nextBoolean();
			this.expected.computeIfAbsent(person, key -> new ArrayList<>()).add(answers.get(help ? 0 : 1));
			this.telegram.userSays(person, help ? "/help" : "/privacy", "ru");
			this.written.incrementAndGet();
			message++;
			try {
				Thread.sleep(BETWEEN_MESSAGES.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private List<String> helpAndPrivacy(long probe, Duration wait) {
		this.telegram.userSays(probe, "/help", "ru");
		this.telegram.userSays(probe, "/privacy", "ru");
		List<String> answers = this.telegram.awaitTextsTo(probe, 2, wait);
		assertThat(answers.get(0)).isNotEqualTo(answers.get(1));
		return answers.subList(0, 2);
	}

	/**
	 * A repeat of the answer just before is a duplicate, an answer that is not the next
	 * one expected is out of order, and what was never matched is lost.
	 */
	static final class Tally {

		int expected;

		int lost;

		int duplicated;

		int outOfOrder;

		private void add(List<String> expectedAnswers, List<String> received) {
			this.expected += expectedAnswers.size();
			int next = 0;
			for (int i = 0; i < received.size(); i++) {
				if (next < expectedAnswers.size() && received.get(i).equals(expectedAnswers.get(next))) {
					next++;
				}
				else if (i > 0 && received.get(i).equals(received.get(i - 1))) {
					this.duplicated++;
				}
				else {
					this.outOfOrder++;
				}
			}
			this.lost += expectedAnswers.size() - next;
		}

	}

}
