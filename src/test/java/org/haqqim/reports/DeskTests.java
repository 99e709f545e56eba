package org.haqqim.reports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.haqqim.database.TestDatabases;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.haqqim.system.MovableClock;
import org.haqqim.system.StaffChat;
import org.haqqim.system.StartupRefusal;
import org.haqqim.text.Html;
import org.haqqim.transport.ChatType;
import org.haqqim.transport.Deliveries;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.Origin;
import org.haqqim.transport.OutboundMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15: desks. Uzbek citizens are helped by their consulate's desk, everyone else by
 * the main desk; a desk acts only on its own cases, and a case moves between desks with
 * its history.
 */
class DeskTests {

	private static final long MAIN = ReportsWiring.STAFF_CHAT_ID;

	private static final long UZBEK_DESK = -1009000000001L;

	private static final long UZBEK_STAFF = 5_560_001L;

	private static final long MAIN_STAFF = 5_560_002L;

	private static final Map<String, String> TWO_DESKS = Map.of("haqqim.reports.desks.uz.chat",
			Long.toString(UZBEK_DESK), "haqqim.reports.desks.uz.citizenships", "UZ", "haqqim.reports.desks.uz.name",
			"Uzbekistan, Moscow", "haqqim.reports.desks.uz.staff", Long.toString(UZBEK_STAFF),
			"haqqim.reports.staff-user-ids", Long.toString(MAIN_STAFF));

	private static final AtomicLong people = new AtomicLong(81_000_000L);

	private static final AtomicLong updates = new AtomicLong(1);

	private static final AtomicInteger messages = new AtomicInteger(1);

	private static CurrentKnowledge knowledge;

	@TempDir
	Path directory;

	private DataSource database;

	private ReportsWiring wiring;

	@BeforeAll
	static void loadKnowledge() {
		KnowledgeBase base = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge"))
			.knowledge()
			.orElseThrow();
		knowledge = new CurrentKnowledge(base);
	}

	@BeforeEach
	void wire() {
		this.database = TestDatabases.sqlite(this.directory);
		this.wiring = ReportsWiring.of(JdbcClient.create(this.database), knowledge, TWO_DESKS,
				new MovableClock(Instant.parse("2026-12-03T10:00:00Z")));
	}

	@AfterEach
	void closeDatabase() {
		TestDatabases.close(this.database);
	}

	@Test
	void aCaseGoesToTheDeskOfThePersonsCitizenshipAndNoOtherSeesIt() {
		long uzbek = people.incrementAndGet();
		long kyrgyz = people.incrementAndGet();
		long uzbekCase = openCase(uzbek, Citizenship.UZ, "меня задержали в метро сейчас");
		long kyrgyzCase = openCase(kyrgyz, Citizenship.KG, "брата задержали на рынке сейчас");
		assertThat(texts(UZBEK_DESK)).anySatisfy(card -> assertThat(card).contains("#" + uzbekCase))
			.noneSatisfy(card -> assertThat(card).contains("#" + kyrgyzCase));
		assertThat(texts(MAIN)).anySatisfy(card -> assertThat(card).contains("#" + kyrgyzCase))
			.noneSatisfy(card -> assertThat(card).contains("#" + uzbekCase));
	}

	@Test
	void aDeskActsOnlyOnItsOwnCasesAndSaysWhichDeskHasIt() {
		long uzbek = people.incrementAndGet();
		long caseId = openCase(uzbek, Citizenship.UZ, "хозяин забрал паспорт сейчас");
		List<Deliveries.Sent> refused = staffSays(MAIN, MAIN_STAFF, "/take " + caseId, null);
		assertThat(refused).singleElement()
			.satisfies(notice -> assertThat(Html.toPlainText(notice.html())).isEqualTo(staffText("staff.other-desk",
					Map.of("case", Long.toString(caseId), "desk", "Uzbekistan, Moscow"))));
		assertThat(this.wiring.cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
		assertThat(staffSays(UZBEK_DESK, MAIN_STAFF, "/take " + caseId, null)).singleElement()
			.as("the main desk's staff are not on the Uzbek desk's list")
			.satisfies(notice -> assertThat(Html.toPlainText(notice.html())).isEqualTo(staffText("staff.not-allowed")));
		staffSays(UZBEK_DESK, UZBEK_STAFF, "/take " + caseId, null);
		assertThat(this.wiring.cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.TAKEN);
		assertThat(texts(MAIN)).as("the main desk never saw what the person wrote")
			.noneSatisfy(text -> assertThat(text).contains("хозяин забрал паспорт"));
	}

	@Test
	void aTransferMovesTheCaseWithItsHistoryAndThePersonIsTold() {
		long uzbek = people.incrementAndGet();
		long caseId = openCase(uzbek, Citizenship.UZ, "меня задержали в метро сейчас");
		List<Deliveries.Sent> moved = staffSays(UZBEK_DESK, UZBEK_STAFF, "/transfer " + caseId + " main", null);
		assertThat(moved).filteredOn(sent -> sent.chatId() == MAIN)
			.extracting(sent -> Html.toPlainText(sent.html()))
			.anySatisfy(card -> assertThat(card).contains("#" + caseId, "меня задержали в метро сейчас"))
			.anySatisfy(notice -> assertThat(notice).isEqualTo(staffText("staff.transferred-here",
					Map.of("case", Long.toString(caseId), "desk", "Uzbekistan, Moscow"))));
		assertThat(moved).filteredOn(sent -> sent.chatId() == uzbek)
			.extracting(Deliveries.Sent::html)
			.containsExactly(personText("report.transferred", caseId));
		assertThat(moved).filteredOn(sent -> sent.chatId() == UZBEK_DESK)
			.extracting(sent -> Html.toPlainText(sent.html()))
			.anySatisfy(notice -> assertThat(notice).contains(staffText("staff.transferred", Map.of("desk", "main"))));
		assertThat(staffSays(UZBEK_DESK, UZBEK_STAFF, "/take " + caseId, null)).singleElement()
			.satisfies(notice -> assertThat(Html.toPlainText(notice.html())).contains("main"));
		staffSays(MAIN, MAIN_STAFF, "/take " + caseId, null);
		assertThat(this.wiring.cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.TAKEN);
	}

	@Test
	void forgettingAfterATransferDeletesTheBotsCopiesAtBothDesks() {
		long uzbek = people.incrementAndGet();
		long caseId = openCase(uzbek, Citizenship.UZ, "меня задержали в метро сейчас");
		staffSays(UZBEK_DESK, UZBEK_STAFF, "/transfer " + caseId + " main", null);
		List<Deliveries.Sent> forgotten = deliver(this.wiring.reports().forget(uzbek));
		assertThat(forgotten).filteredOn(sent -> sent.message() instanceof OutboundMessage.Delete)
			.extracting(Deliveries.Sent::chatId)
			.contains(UZBEK_DESK, MAIN);
	}

	@Test
	void aTransferToADeskThatDoesNotExistListsTheDesks() {
		long uzbek = people.incrementAndGet();
		long caseId = openCase(uzbek, Citizenship.UZ, "меня задержали в метро сейчас");
		assertThat(staffSays(UZBEK_DESK, UZBEK_STAFF, "/transfer " + caseId + " kz", null)).singleElement()
			.satisfies(notice -> assertThat(Html.toPlainText(notice.html()))
				.isEqualTo(staffText("staff.transfer-usage", Map.of("desks", "main, uz"))));
	}

	@Test
	void statsAsAPictureAreADesksOwnFiguresDrawnAsBars() throws Exception {
		long uzbek = people.incrementAndGet();
		openCase(uzbek, Citizenship.UZ, "меня задержали в метро сейчас");
		List<Deliveries.Sent> sent = staffSays(UZBEK_DESK, UZBEK_STAFF, "/stats chart", null);
		assertThat(sent).singleElement().satisfies(chart -> {
			assertThat(chart.chatId()).isEqualTo(UZBEK_DESK);
			assertThat(chart.message()).isInstanceOf(OutboundMessage.Picture.class);
		});
		byte[] png = ((OutboundMessage.Picture) sent.get(0).message()).png();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(900);
		assertThat(image.getHeight()).as("a row for every figure").isGreaterThan(400);
		long coloured = 0;
		for (int x = 0; x < image.getWidth(); x += 3) {
			for (int y = 0; y < image.getHeight(); y += 3) {
				int rgb = image.getRGB(x, y) & 0xFFFFFF;
				int r = rgb >> 16;
				int g = (rgb >> 8) & 0xFF;
				int b = rgb & 0xFF;
				if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
					coloured++;
				}
			}
		}
		assertThat(coloured).as("bars are drawn, not only text").isGreaterThan(200);
		assertThat(staffSays(UZBEK_DESK, UZBEK_STAFF, "/stats", null)).singleElement()
			.satisfies(text -> assertThat(Html.toPlainText(text.html())).contains("1"));
	}

	@Test
	void theEnvironmentNamesADeskAsOperatorsWriteIt() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("HAQQIM_REPORTS_DESKS_KG_CHAT", "-1002000000002");
		variables.put("HAQQIM_REPORTS_DESKS_KG_CITIZENSHIPS", "KG,KZ");
		variables.put("HAQQIM_REPORTS_DESKS_KG_STAFF", "111,222");
		variables.put("HAQQIM_REPORTS_DESKS_KG_NAME", "Kyrgyzstan");
		assertThat(fromEnvironment(variables).configuredDesks()).singleElement()
			.isEqualTo(new Desk("kg", "Kyrgyzstan", -1002000000002L, List.of(111L, 222L),
					java.util.Set.of(Citizenship.KG, Citizenship.KZ)));
	}

	@Test
	void aBadDeskIsRefusedAtStartUpInOneLineNamingTheVariable() {
		assertThatThrownBy(() -> fromEnvironment(
				Map.of("HAQQIM_REPORTS_DESKS_KG_CHAT", "12345", "HAQQIM_REPORTS_DESKS_KG_CITIZENSHIPS", "KG")))
			.rootCause()
			.isInstanceOf(StartupRefusal.class)
			.hasMessage("HAQQIM_REPORTS_DESKS_KG_CHAT must be the id of the desk's staff group, which is negative "
					+ "(such as -1001234567890); '12345' is not one");
		assertThatThrownBy(() -> fromEnvironment(
				Map.of("HAQQIM_REPORTS_DESKS_KG_CHAT", "-100200", "HAQQIM_REPORTS_DESKS_KG_CITIZENSHIPS", "KG,XX")))
			.rootCause()
			.isInstanceOf(StartupRefusal.class)
			.hasMessageContaining("HAQQIM_REPORTS_DESKS_KG_CITIZENSHIPS must name UZ, KG, TJ, KZ or OTHER");
		ReportsProperties twoForKyrgyz = fromEnvironment(
				Map.of("HAQQIM_REPORTS_DESKS_KG_CHAT", "-100200", "HAQQIM_REPORTS_DESKS_KG_CITIZENSHIPS", "KG",
						"HAQQIM_REPORTS_DESKS_NGO_CHAT", "-100300", "HAQQIM_REPORTS_DESKS_NGO_CITIZENSHIPS", "KG"));
		assertThatThrownBy(() -> new Desks(new StaffChat(MAIN), twoForKyrgyz)).isInstanceOf(StartupRefusal.class)
			.hasMessage("HAQQIM_REPORTS_DESKS_NGO_CITIZENSHIPS names KG, which desk 'kg' takes already; a citizenship"
					+ " goes to one desk");
		ReportsProperties mainChatTwice = fromEnvironment(Map.of("HAQQIM_REPORTS_DESKS_KG_CHAT", Long.toString(MAIN),
				"HAQQIM_REPORTS_DESKS_KG_CITIZENSHIPS", "KG"));
		assertThatThrownBy(() -> new Desks(new StaffChat(MAIN), mainChatTwice)).isInstanceOf(StartupRefusal.class)
			.hasMessage("HAQQIM_REPORTS_DESKS_KG_CHAT is the chat of desk 'main' already; each desk needs its own"
					+ " staff group");
	}

	// --- steps

	private static ReportsProperties fromEnvironment(Map<String, ?> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("haqqim.reports",
				Bindable.of(ReportsProperties.class));
	}

	/** An urgent message, yes, and every intake question skipped: the case number. */
	private long openCase(long person, Citizenship citizenship, String words) {
		Audience audience = Audience.of("ru", citizenship);
		InboundEvent.Text text = new InboundEvent.Text(from(person), words);
		List<Deliveries.Sent> offered = deliver(
				this.wiring.reports().offerUrgentReport(text, audience, knowledge.current().topic("detention")));
		Deliveries.Sent consent = offered.get(1);
		String yes = consent.button("rp:y:");
		Origin press = new Origin(updates.incrementAndGet(), person, ChatType.PRIVATE, person, "ru", false, false,
				consent.messageId().intValue(), null, null, false, null);
		deliver(this.wiring.reports()
			.handle(new InboundEvent.ButtonPress(press, "cb-" + press.updateId(), yes), audience)
			.orElseThrow());
		return Long.parseLong(yes.substring("rp:y:".length()));
	}

	private List<Deliveries.Sent> staffSays(long chat, long member, String words, Integer replyTo) {
		Origin origin = new Origin(updates.incrementAndGet(), chat, ChatType.SUPERGROUP, member, "ru", false, false,
				messages.incrementAndGet(), replyTo, null, false, "Dilnoza");
		return deliver(this.wiring.staffDesk().handle(new InboundEvent.Text(origin, words)));
	}

	private List<String> texts(long chat) {
		return this.wiring.deliveries().to(chat).stream().map(sent -> Html.toPlainText(sent.html())).toList();
	}

	private List<Deliveries.Sent> deliver(org.haqqim.transport.Replies replies) {
		return this.wiring.deliveries().deliver(replies);
	}

	private static Origin from(long person) {
		return Origin.privateMessage(updates.incrementAndGet(), person, messages.incrementAndGet(), "ru");
	}

	private static String staffText(String key) {
		return staffText(key, Map.of());
	}

	private static String staffText(String key, Map<String, String> params) {
		return Html.toPlainText(new StaffScreens(knowledge.current(), "ru").text(key, params));
	}

	private static String personText(String key, long caseId) {
		return knowledge.current().text(key, Audience.of("ru", Citizenship.UZ), Map.of("case", Long.toString(caseId)));
	}

}
