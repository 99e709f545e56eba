package org.haqqim.matching;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher on the real knowledge base, for cases with one clear answer in every
 * language.
 */
class MatchingEngineTests {

	private static MatchingEngine engine;

	@BeforeAll
	static void buildEngine() {
		engine = MatchingEngine.build(
				new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge")).knowledge().orElseThrow(),
				BoundDefaults.matching());
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			patent qancha turadi                | patent
			патент қанча туради                 | patent
			сколько стоит патент в москве       | patent
			skolko stoit patent                 | patent
			how much is a patent in moscow      | patent
			ish beruvchi pasportimni olib qoydi | passport-withheld
			работодатель забрал паспорт         | passport-withheld
			менин паспортумду кожоюн алып калды  | passport-withheld
			корфармо шиносномаи маро гирифт     | passport-withheld
			my employer took my passport        | passport-withheld
			menya zaderjala policiya            | detention
			""")
	void clearQuestionsFindTheirTopic(String question, String topic) {
		MatchResult result = engine.match(Question.of(question));
		assertThat(result.bestTopic()).as(result.toString()).contains(topic);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			pasportimni olib qoydi     | uz
			паспортимни олиб қўйди     | uz-Cyrl
			забрали паспорт            | ru
			zabrali pasport            | ru
			паспортумду алып калышты   | ky
			шиносномаамро гирифтанд    | tg
			they took my passport      | en
			pasportumdu alyp kalyshty  | ky
			shinosnomaamro giriftand   | tg
			ishlagan pulimni bermayapti | uz
			dollar kursi necha bugun   | uz
			salom                      | uz
			hello                      | en
			спасибо                    | ru
			""")
	void languageIsDetectedIncludingScript(String question, String language) {
		assertThat(engine.match(Question.of(question)).language()).isEqualTo(language);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			salom aka                      | GREETING | uz
			Assalomu alaykum!              | GREETING | uz
			Здравствуйте                   | GREETING | ru
			привет, как дела               | GREETING | ru
			саламатсызбы                   | GREETING | ky
			hello                          | GREETING | en
			rahmat aka                     | THANKS   | uz
			спасибо большое                | THANKS   | ru
			thank you very much            | THANKS   | en
			salom, patent qancha turadi    | ANSWER   | uz
			you                            | NONE     | en
			""")
	void greetingsAndThanksAreNotQuestions(String text, MatchResult.Decision decision, String language) {
		MatchResult result = engine.match(Question.of(text));
		assertThat(result.decision()).as(result.toString()).isEqualTo(decision);
		assertThat(result.language()).isEqualTo(language);
	}

	@Test
	void languageHintOnlyTiltsACloseCall() {
		assertThat(engine.match(new Question("забрали паспорт", "uz", null)).language()).isEqualTo("ru");
	}

	@Test
	void outOfScopeQuestionsAreNotAnswered() {
		assertThat(engine.match(Question.of("какая завтра погода в москве")).decision())
			.isNotEqualTo(MatchResult.Decision.ANSWER);
		assertThat(engine.match(Question.of("who won the football match yesterday")).decision())
			.isEqualTo(MatchResult.Decision.NONE);
	}

	@Test
	void aMessageOfCommonWordsOnlyIsNeverAConfidentAnswer() {
		for (String text : new String[] { "как", "что делать", "помогите пожалуйста", "qanday", "nima qilay" }) {
			assertThat(engine.match(Question.of(text)).decision()).as(text).isNotEqualTo(MatchResult.Decision.ANSWER);
		}
	}

	@Test
	void urgentSituationsAreUrgentAndGeneralQuestionsAreNot() {
		assertThat(engine.match(Question.of("меня задержали в метро")).urgent()).isTrue();
		assertThat(engine.match(Question.of("xojayin pasportimni olib qoydi")).urgent()).isTrue();
		assertThat(engine.match(Question.of("паспортумду кожоюн алып алды")).urgent()).isTrue();
		assertThat(engine.match(Question.of("корфармо шиносномаамро гирифт")).urgent()).isTrue();
		assertThat(engine.match(Question.of("сколько часов полиция может держать человека")).urgent()).isFalse();
		assertThat(engine.match(Question.of("how long can the police hold someone?")).urgent()).isFalse();
	}

	@ParameterizedTest(name = "{0} -> urgent {1}")
	@CsvSource(delimiter = '|', textBlock = """
			ukamni bugun ertalab ushlashdi, qaysi otdelda ekanini qanday bilsak boladi | true
			ishda jarohat olsam kim tolaydi                                           | false
			militsiya ushlasa necha soat ushlab turadi                                | false
			Бүгүн курулуштан жыгылып түштү, эч нерсе айтышпайт, эмне кылабыз           | true
			my brother fell from the scaffolding this morning, what should we do       | true
			вчера мужа забрали с работы, сколько его могут держать                    | true
			deportatsiya                                                              | false
			депортация                                                                | false
			deportation                                                               | false
			Москвада азыр аба ырайы кандай                                            | false
			кордеҳ шартномаро бекор кард, чӣ кор кунам                                | false
			kecha ishda temir tushib oyogi singan                                     | true
			зарплату платят с задержкой, куда жаловаться                              | false
			получил травму на стройке два месяца назад, кто платит за лечение        | false
			у сына температура, вызвали скорую, а без полиса не едут                  | true
			скорая без полиса приедет?                                                | false
			opamni politsiya olib ketishdi, qancha ushlab turishlari mumkin           | true
			если меня задержат на улице, что мне делать                               | false
			what are my rights if I get arrested                                      | false
			my friend collapsed at work, will the ambulance come if he has no polis   | true
			мужа выдворили, можно ли снять запрет раньше                              | false
			на границе не пускают, говорят запрет на въезд, что делать                | true
			прораб сказал закопает, если еще раз спрошу про деньги                    | true
			хужайин паспортимни олиб куйди, бермаяпти                                  | true
			my cousin's arm got stuck in the machine at the factory                    | true
			since the men in uniform came my husband does not pick up the phone       | true
			тез ёрдам полиссиз келадими                                               | false
			""")
	void whatHappenedIsUrgentAndWhatMightHappenIsNot(String text, boolean urgent) {
		assertThat(engine.match(Question.of(text)).urgent()).as(text).isEqualTo(urgent);
	}

	/**
	 * The whole story matches no topic well, but the words it turns on do, and well
	 * enough to answer.
	 */
	@Test
	void aLongStoryIsAnsweredWithTheTopicItTurnsOn() {
		MatchResult result = engine.match(Question.of("My cousin has been working on a building site in Kazan for two "
				+ "years, and last night a metal beam fell on his leg and broke it. The foreman told us not to call an "
				+ "ambulance and wrote nothing down. Who pays for his treatment now?"));
		assertThat(result.topic()).as(result.toString()).contains("workplace-injury");
		assertThat(result.urgent()).isTrue();
	}

	@Test
	void aTopicForOtherCitizensLosesACloseCall() {
		MatchResult kyrgyz = engine.match(new Question("нужен ли патент для работы", "ru", Citizenship.KG));
		assertThat(kyrgyz.bestTopic()).contains("eaeu-workers");
		MatchResult uzbek = engine.match(new Question("нужен ли патент для работы", "ru", Citizenship.UZ));
		assertThat(uzbek.bestTopic()).contains("patent");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			в дверь ломятся люди в форме кричат откройте   | detention
			hammamizni avtobusga solib olib ketishyapti    | detention
			they are loading everyone from the hostel into a bus | detention
			брат не вернулся после рейда телефон выключен  | detention
			бригадир закрыл нас в бытовке и не выпускает   | emergency-help
			в общаге пожар на лестнице дым людей не выпускают | emergency-help
			yotoqxonada yongʻin chiqdi tutun koʻp          | emergency-help
			there is a strong gas smell in our flat and my wife feels dizzy | emergency-help
			дар хобгоҳ сӯхтор сар шуд                      | emergency-help
			police are taking my husband away now from the building site | detention
			""")
	void anEmergencyToldInOrdinaryWordsIsUrgentAndFindsItsTopic(String text, String topic) {
		MatchResult result = engine.match(Question.of(text));
		assertThat(result.urgent()).as(result.toString()).isTrue();
		assertThat(result.bestTopic()).as(result.toString()).contains(topic);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			what do I do if the police come to the door
			in 2019 the police took me to the station, can I come back to russia
			в прошлом году меня депортировали, можно ли вернуться
			""")
	void aSupposedOrLongPastEventIsNotUrgent(String text) {
		assertThat(engine.match(Question.of(text)).urgent()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			how do I get a patent for my invention
			как зарегистрировать ооо в россии
			toshkentda firma ochish uchun nima kerak
			amerika viza olish uchun qayerga boraman
			""")
	void aQuestionThatOnlySoundsLikeOursIsNotAnsweredNorGuessed(String text) {
		MatchResult result = engine.match(Question.of(text));
		assertThat(result.decision()).as(result.toString()).isEqualTo(MatchResult.Decision.NONE);
		assertThat(result.alternatives()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			my brother died in a hospital in Kazan, how do we send him home to Fergana | false
			akam vafot etdi, jasadini Andijonga qanday olib ketamiz                    | false
			умер отец на квартире, как перевезти тело в Худжанд                        | false
			агам каза болду, сөөгүн Ошко кантип жеткиребиз                             | false
			бародарам вафот кард, ҷасадро ба Душанбе чӣ тавр мебарем                   | false
			my brother stopped answering two weeks ago, we cannot find him             | false
			my friend says he will kill himself tonight                                | true
			подруга пишет что покончит с собой                                         | true
			dostim o'zimni o'ldiraman deyapti                                          | true
			""")
	void whatOnlyAPersonCanHelpWithGoesToStaffWithoutAGuessedTopic(String text, boolean urgent) {
		MatchResult result = engine.match(Question.of(text));
		assertThat(result.decision()).as(result.toString()).isEqualTo(MatchResult.Decision.STAFF);
		assertThat(result.bestTopic()).isEmpty();
		assertThat(result.urgent()).as("urgent").isEqualTo(urgent);
	}

	@Test
	void aDeathTogetherWithAnInjuryAtWorkIsAnsweredAsTheInjuryAndIsUrgentNow() {
		MatchResult result = engine.match(Question.of("рабочий упал с крыши и умер прямо сейчас, бригадир прячет"));
		assertThat(result.bestTopic()).as(result.toString()).contains("workplace-injury");
		assertThat(result.urgent()).isTrue();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			my bank card got blocked, they said I am in the register of controlled persons | controlled-persons-register
			qizim rus tili testidan otmasa maktabga qanday tayyorlansa boladi            | children-schooling
			""")
	void aQuestionThatSharesAWordWithANearMissIsStillOurs(String text, String topic) {
		MatchResult result = engine.match(Question.of(text));
		assertThat(Stream.concat(result.topic().stream(), result.alternatives().stream())).as(result.toString())
			.contains(topic);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			o'tkazib yuboring         | true
			otkazish                  | true
			ўтказиш                   | true
			пропустить пожалуйста     | true
			нет                       | true
			propustit                 | true
			skip                      | true
			no                        | true
			-                         | true
			жок                       | true
			не                        | true
			Москва                    | false
			нет паспорта              | false
			I have no phone now       | false
			""")
	void aReplyThatOnlySaysSkipIsSeenInAnyLanguage(String text, boolean skip) {
		assertThat(engine.meansSkip(text)).as(text).isEqualTo(skip);
	}

	@Test
	void aCitizenshipTheMessageNamesOverridesTheProfile() {
		MatchResult kyrgyz = engine
			.match(new Question("I am from Kyrgyzstan, what documents do I need to work", "en", Citizenship.UZ));
		assertThat(kyrgyz.bestTopic()).as(kyrgyz.toString()).contains("eaeu-workers");
		MatchResult uzbek = engine
			.match(new Question("I am from Uzbekistan, what documents do I need to work", "en", Citizenship.KG));
		assertThat(uzbek.bestTopic()).as(uzbek.toString()).contains("patent");
	}

}
