package org.haqqim.reports;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case buttons and correlations keep their wire form: buttons already in people's chats
 * must still work after an upgrade, and anything else is refused.
 */
class CaseActionTests {

	@Test
	void everyActionDecodesToItselfInTheFormButtonsHaveInChats() {
		List<CaseAction> actions = List.of(new CaseAction.Consent(12), new CaseAction.Decline(12),
				new CaseAction.Skip(12), new CaseAction.City(12, "st-petersburg"),
				new CaseAction.When(12, CaseAction.Happened.YESTERDAY), new CaseAction.Rate(12, true),
				new CaseAction.Rate(12, false), new CaseAction.Take(12), new CaseAction.Close(12));
		assertThat(actions).extracting(CaseAction::encode)
			.containsExactly("rp:y:12", "rp:n:12", "rp:skip:12", "rp:city:12:st-petersburg", "rp:when:12:yesterday",
					"rp:r:12:1", "rp:r:12:0", "rp:take:12", "rp:close:12");
		for (CaseAction action : actions) {
			assertThat(CaseAction.decode(action.encode())).contains(action);
		}
	}

	@ParameterizedTest(name = "''{0}''")
	@ValueSource(strings = { "", "rp:", "rp:y", "rp:y:", "rp:y:12:extra", "rp:y:-1", "rp:y:12a", "rp:when:12:tomorrow",
			"rp:r:12:2", "rp:city:12", "rp:city:12:", "rp:take", "rp:frob:12", "y:12", "rp:y:99999999999999999999" })
	void anythingElseIsAnOldButton(String data) {
		assertThat(CaseAction.decode(data)).isEmpty();
	}

	@Test
	void correlationsDecodeToWhatTheyWereAndNothingElseDoes() {
		for (CaseCorrelation correlation : List.of(CaseCorrelation.toStaff(3), CaseCorrelation.toPerson(3),
				new CaseCorrelation.NewTopic(3))) {
			assertThat(CaseCorrelation.decode(correlation.encode())).contains(correlation);
		}
		assertThat(CaseCorrelation.toStaff(3).encode()).isEqualTo("case-staff:3");
		assertThat(CaseCorrelation.decode("case-staff:x")).isEmpty();
		assertThat(CaseCorrelation.decode("menu:3")).isEmpty();
		assertThat(CaseCorrelation.decode(null)).isEmpty();
	}

	@Test
	void staffCommandsAreKnownByTheirTypedNames() {
		assertThat(StaffCommand.named("take")).contains(StaffCommand.TAKE);
		assertThat(StaffCommand.named("TAKE")).as("names are lower case once read").isEmpty();
		assertThat(StaffCommand.named("start")).isEmpty();
	}

}
