package org.haqqim.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.haqqim.database.TestDatabases;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.system.MovableClock;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.MediaKind;
import org.haqqim.transport.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the case store promises, on each database the bot supports: cases and their
 * messages as they were stored, the one case that collects a person's messages, staff
 * messages mapped to their case once, and nothing personal left after an erase.
 */
abstract class CasesContract {

	private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

	private final MovableClock clock = new MovableClock(START);

	private DataSource dataSource;

	private Cases cases;

	abstract DataSource createDataSource();

	@BeforeEach
	void setUp() {
		this.dataSource = createDataSource();
		this.cases = new Cases(JdbcClient.create(this.dataSource), this.clock);
	}

	@AfterEach
	void tearDown() {
		TestDatabases.close(this.dataSource);
	}

	@Test
	void aCaseIsReadBackAsItWasStored() {
		long id = this.cases.create(7, CaseStatus.INTAKE, IntakeStep.WHAT, true, "detention", "ky", Citizenship.KG,
				Desk.MAIN);
		this.cases.setCity(id, "Москва");
		this.cases.setHappened(id, "Сегодня");
		this.cases.setPhone(id, "+79001234567");
		this.cases.setLocation(id, 55.75, 37.61);
		this.clock.advance(Duration.ofMinutes(3));
		this.cases.openAsking(id, null);
		Case stored = this.cases.find(id).orElseThrow();
		assertThat(stored.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(stored.intakeStep()).isNull();
		assertThat(stored.urgent()).isTrue();
		assertThat(stored.audience().language()).isEqualTo("ky");
		assertThat(stored.citizenship()).isEqualTo(Citizenship.KG);
		assertThat(stored.intake())
			.isEqualTo(new Case.Intake("Москва", "Сегодня", "+79001234567", new Case.Location(55.75, 37.61)));
		assertThat(stored.timeline().createdAt()).isEqualTo(START);
		assertThat(stored.timeline().openedAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
		assertThat(stored.age(START.plus(Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(7));
	}

	@Test
	void aCaseOpensToStaffWhileThePersonIsStillAskedAndTheIntakeEndsOpen() {
		long id = this.cases.create(12, CaseStatus.DRAFT, IntakeStep.CITY, true, null, "ru", null, Desk.MAIN);
		this.cases.openAsking(id, IntakeStep.CITY);
		Case asking = this.cases.find(id).orElseThrow();
		assertThat(asking.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(asking.intakeStep()).isEqualTo(IntakeStep.CITY);
		assertThat(asking.asking()).isTrue();
		assertThat(asking.timeline().openedAt()).isEqualTo(START);
		this.cases.askNext(id, null);
		Case told = this.cases.find(id).orElseThrow();
		assertThat(told.asking()).isFalse();
		assertThat(told.status()).isEqualTo(CaseStatus.OPEN);
	}

	@Test
	void thePersonsNewestCaseInIntakeOrOpenCollectsTheirMessagesNeverADraftOrAClosedOne() {
		long draft = this.cases.create(8, CaseStatus.DRAFT, IntakeStep.CITY, true, null, "ru", null, Desk.MAIN);
		assertThat(this.cases.collecting(8)).isEmpty();
		long closed = this.cases.create(8, CaseStatus.INTAKE, IntakeStep.WHAT, false, null, "ru", null, Desk.MAIN);
		this.cases.openAsking(closed, null);
		this.cases.close(closed, null);
		assertThat(this.cases.collecting(8)).isEmpty();
		long open = this.cases.create(8, CaseStatus.INTAKE, IntakeStep.WHAT, false, null, "ru", null, Desk.MAIN);
		this.cases.openAsking(open, null);
		this.cases.take(open, 55);
		assertThat(this.cases.collecting(8)).map(Case::id).contains(open);
		assertThat(this.cases.ofPerson(8)).extracting(Case::id).containsExactly(draft, closed, open);
		assertThat(this.cases.find(open).orElseThrow().staffSide().takenBy()).isEqualTo(55);
	}

	@Test
	void messagesKeepTheirOrderKindAndSource() {
		long id = this.cases.create(9, CaseStatus.INTAKE, IntakeStep.WHAT, false, null, "ru", null, Desk.MAIN);
		this.cases.addText(id, new InboundEvent.Text(Origin.privateMessage(1, 9, 31, "ru"), "first words"));
		this.cases.addMedia(id,
				new InboundEvent.Media(Origin.privateMessage(2, 9, 32, "ru"), MediaKind.PHOTO, "file-1", "a caption"));
		this.cases.addShared(id, "📍 55.75000, 37.61000");
		this.cases.addStaffAnswer(id, "TEXT", "we are on our way", null);
		this.cases.addNote(id, "called the station");
		List<CaseMessage> messages = this.cases.messages(id);
		assertThat(messages).extracting(CaseMessage::direction)
			.containsExactly(CaseMessage.Direction.IN, CaseMessage.Direction.IN, CaseMessage.Direction.IN,
					CaseMessage.Direction.OUT, CaseMessage.Direction.NOTE);
		assertThat(messages.get(1).kind()).isEqualTo("PHOTO");
		assertThat(messages.get(1).sourceMessageId()).isEqualTo(32);
		assertThat(messages.get(3).relayed()).as("what staff send needs no relaying").isTrue();
		this.cases.markRelayed(messages.get(0).id());
		assertThat(this.cases.messages(id).get(0).relayed()).isTrue();
	}

	@Test
	void aNulInThePersonsWordsCannotCostTheCaseItsRow() {
		long id = this.cases.create(10, CaseStatus.INTAKE, IntakeStep.WHAT, true, null, "ru", null, Desk.MAIN);
		this.cases.addText(id, new InboundEvent.Text(Origin.privateMessage(1, 10, 31, "ru"), "they beat\u0000 me"));
		this.cases.addMedia(id, new InboundEvent.Media(Origin.privateMessage(2, 10, 32, "ru"), MediaKind.PHOTO,
				"file-1", "\u0000bruises"));
		assertThat(this.cases.messages(id)).extracting(CaseMessage::text).containsExactly("they beat me", "bruises");
	}

	@Test
	void aStaffMessageIsMappedToOneCaseAndAForumTopicRequestedOnce() {
		long id = this.cases.create(10, CaseStatus.INTAKE, IntakeStep.WHAT, false, null, "ru", null, Desk.MAIN);
		this.cases.mapStaffMessage(-100, 5, id);
		this.cases.mapStaffMessage(-100, 5, id);
		assertThat(this.cases.caseOfStaffMessage(-100, 5)).contains(id);
		assertThat(this.cases.caseOfStaffMessage(-200, 5)).as("the same id in another chat").isEmpty();
		assertThat(this.cases.staffMessagesOf(id)).extracting(Cases.StaffMessage::messageId).containsExactly(5L);
		assertThat(this.cases.requestTopic(id)).isTrue();
		assertThat(this.cases.requestTopic(id)).isFalse();
		this.cases.setThread(id, 101);
		assertThat(this.cases.byThread(Desk.MAIN, 101)).map(Case::id).contains(id);
	}

	@Test
	void erasingAClosedCaseLeavesOnlyAnAnonymousCount() {
		long id = this.cases.create(11, CaseStatus.INTAKE, IntakeStep.WHAT, true, "detention", "uz", Citizenship.UZ,
				Desk.MAIN);
		this.cases.setPhone(id, "+79001234567");
		this.cases.addText(id, new InboundEvent.Text(Origin.privateMessage(3, 11, 33, "uz"), "my words"));
		this.cases.mapStaffMessage(-100, 6, id);
		this.cases.openAsking(id, null);
		this.cases.close(id, "released");
		this.clock.advance(Duration.ofDays(91));
		assertThat(this.cases.contentPastRetention(this.clock.instant().minus(Duration.ofDays(90))))
			.containsExactly(id);
		this.cases.eraseContent(id);
		Case erased = this.cases.find(id).orElseThrow();
		assertThat(erased.chatId()).isZero();
		assertThat(erased.intake()).isEqualTo(new Case.Intake(null, null, null, null));
		assertThat(erased.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(erased.topic()).isEqualTo("detention");
		assertThat(this.cases.messages(id)).isEmpty();
		assertThat(this.cases.caseOfStaffMessage(-100, 6)).isEmpty();
		assertThat(this.cases.contentPastRetention(this.clock.instant())).isEmpty();
	}

	@Test
	void unansweredDraftsAreFoundForDeletionAndBansAreKeptOnceRenewedAndExpire() {
		long draft = this.cases.create(12, CaseStatus.DRAFT, IntakeStep.CITY, true, null, "ru", null, Desk.MAIN);
		this.clock.advance(Duration.ofHours(25));
		assertThat(this.cases.draftsCreatedBefore(this.clock.instant().minus(Duration.ofHours(24))))
			.containsExactly(draft);
		this.cases.delete(draft);
		assertThat(this.cases.find(draft)).isEmpty();
		Duration month = Duration.ofDays(30);
		this.cases.ban(12, draft);
		this.clock.advance(Duration.ofDays(20));
		this.cases.ban(12, draft);
		assertThat(this.cases.isBanned(12, month)).isTrue();
		assertThat(this.cases.isBanned(13, month)).isFalse();
		this.clock.advance(Duration.ofDays(20));
		assertThat(this.cases.purgeExpiredBans(month)).as("renewed, not yet expired").isZero();
		assertThat(this.cases.isBanned(12, month)).isTrue();
		this.clock.advance(Duration.ofDays(11));
		assertThat(this.cases.purgeExpiredBans(month)).isEqualTo(1);
		assertThat(this.cases.isBanned(12, month)).isFalse();
		this.cases.ban(12, draft);
		assertThat(this.cases.unban(draft)).isTrue();
		assertThat(this.cases.unban(draft)).isFalse();
	}

}
