package org.haqqim.matching;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways people type one word meet in one folded form (issue: normalisation and
 * morphology).
 */
class TextFoldingTests {

	@Test
	void everyUzbekApostropheAndNoneAtAllAreTheSame() {
		List<String> spellings = List.of("roʻyxat", "roʼyxat", "ro'yxat", "ro`yxat", "ro’yxat", "ro‘yxat", "royxat",
				"рўйхат", "РЎЙХАТ");
		assertThat(spellings).extracting(TextFolding::fold).containsOnly("roihat");
	}

	@Test
	void uzbekCyrillicAndLatinMeet() {
		assertThat(TextFolding.words("Паспортимни хўжайин олиб қўйди"))
			.isEqualTo(TextFolding.words("pasportimni xo'jayin olib qo'ydi"));
		assertThat(TextFolding.fold("ўзбекистон")).isEqualTo(TextFolding.fold("O‘zbekiston"));
	}

	@Test
	void russianTypedInLatinLettersMeetsRussian() {
		assertThat(TextFolding.words("menya zaderjali")).isEqualTo(TextFolding.words("меня задержали"));
		assertThat(TextFolding.words("menya zaderzhali")).isEqualTo(TextFolding.words("меня задержали"));
		assertThat(TextFolding.words("skolko stoit patent")).isEqualTo(TextFolding.words("сколько стоит патент"));
		assertThat(TextFolding.fold("registraciya")).isEqualTo(TextFolding.fold("регистрация"));
		assertThat(TextFolding.fold("registratsiya")).isEqualTo(TextFolding.fold("регистрация"));
		assertThat(TextFolding.fold("khozyain")).isEqualTo(TextFolding.fold("хозяин"));
	}

	@Test
	void kyrgyzAndTajikLettersMeetWhatARussianKeyboardTypes() {
		assertThat(TextFolding.fold("паспортумду")).isEqualTo(TextFolding.fold("паспортумду"));
		assertThat(TextFolding.fold("үйгө")).isEqualTo(TextFolding.fold("уйго"));
		assertThat(TextFolding.fold("кайдасың")).isEqualTo(TextFolding.fold("кайдасын"));
		assertThat(TextFolding.fold("ҷавоб")).isEqualTo(TextFolding.fold("чавоб"));
		assertThat(TextFolding.fold("қонун ҳақ ғам ӯ ӣ")).isEqualTo(TextFolding.fold("конун хак гам у и"));
		assertThat(TextFolding.fold("мурољиат")).isEqualTo(TextFolding.fold("муроҷиат"));
	}

	@Test
	void suffixedFormsShareTheirStem() {
		assertThat(List.of("ro'yxatdan", "ro'yxatga", "royxatni", "рўйхатдан"))
			.extracting(word -> Stemmer.stem(TextFolding.fold(word)))
			.containsOnly("roiha");
		assertThat(List.of("паспортумду", "pasportimni", "паспорт", "паспортро"))
			.extracting(word -> Stemmer.stem(TextFolding.fold(word)))
			.containsOnly("paspo");
		assertThat(List.of("задержали", "zaderjan", "задержание"))
			.extracting(word -> Stemmer.stem(TextFolding.fold(word)))
			.containsOnly("zader");
	}

}
