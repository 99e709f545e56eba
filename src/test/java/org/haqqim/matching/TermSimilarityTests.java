package org.haqqim.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How alike the re-ranking finds a question's word and a word of the knowledge base. */
class TermSimilarityTests {

	private static final int PATENT_GROUP = 7;

	@ParameterizedTest(name = "{0} ~ {1} = {2}")
	@CsvSource(textBlock = """
			registratsiya, registratsiya, 1.0
			propiska,      registratsiya, 0.9
			registratsiyadan, registratsiya, 0.85
			regi,          registratsiya, 0.85
			regis,         registratsiya, 0.85
			rehistratsiya, registratsiya, 0.75
			rgeistratsiya, registratsiya, 0.75
			rehistratsiia, registratsiya, 0.6
			rehistrtasiia, registratsiya, 0
			psaport,       pasport,       0.75
			kard,          kart,          0.75
			kadr,          kart,          0
			viza,          viza,          1.0
			ne,            net,           0
			""")
	void wordsAreAsAlikeAsTheirSpellingSays(String question, String known, double expected) {
		TermTable table = new TermTable();
		int term = table.number(known, Stemmer.stem(known), groupOf(known));
		table.number("patent", Stemmer.stem("patent"), PATENT_GROUP);
		TermFeatures features = table.features();
		Word word = features.questionWord(question, Stemmer.stem(question), groupOf(question));
		assertThat(features.similarity(word, term)).isEqualTo(expected);
	}

	private static int groupOf(String word) {
		return word.equals("propiska") || word.equals("registratsiya") ? 3 : -1;
	}

}
