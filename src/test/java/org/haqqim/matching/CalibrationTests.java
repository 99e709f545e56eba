package org.haqqim.matching;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * The confidence model: fitting finds the weights that made the data, the reliability
 * table measures what it should, and a model file that does not fit the matcher is
 * refused with a message that names the problem.
 */
class CalibrationTests {

	@Test
	void fittingFindsTheWeightsThatMadeTheData() {
		Random random = new Random(14);
		double[] truth = new double[Evidence.values().length];
		truth[Evidence.SCORE.ordinal()] = 3;
		truth[Evidence.SITUATION_HERE.ordinal()] = 2;
		truth[Evidence.OTHER_CITIZENSHIP.ordinal()] = -1.5;
		ConfidenceModel made = new ConfidenceModel(-1, truth);
		List<double[]> evidence = new ArrayList<>();
		List<Boolean> right = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			double[] x = new double[truth.length];
			for (int j = 0; j < x.length; j++) {
				x[j] = random.nextDouble();
			}
			evidence.add(x);
			right.add(random.nextDouble() < made.probability(x));
		}
		ConfidenceModel fitted = Calibration.logistic(evidence, right);
		assertThat(fitted.intercept()).isCloseTo(-1, within(0.3));
		for (Evidence kind : Evidence.values()) {
			assertThat(fitted.weights()[kind.ordinal()]).as(kind.key()).isCloseTo(truth[kind.ordinal()], within(0.3));
		}
	}

	@Test
	void theCalibrationErrorIsTheWeightedGapBetweenConfidenceAndBeingRight() {
		List<Double> confidences = new ArrayList<>();
		List<Boolean> right = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			confidences.add(0.95);
			right.add(i < 9);
			confidences.add(0.15);
			right.add(i < 1);
		}
		Reliability reliability = Reliability.of(confidences, right);
		assertThat(reliability.bins()).extracting(Reliability.Bin::messages).containsExactly(10, 10);
		assertThat(reliability.bins().get(1).right()).isEqualTo(0.9);
		assertThat(reliability.expectedCalibrationError()).isCloseTo(0.05, within(1e-9));
	}

	@Test
	void theShippedModelWeighsEveryKindOfEvidence() {
		ConfidenceModel model = ConfidenceModel.fitted();
		assertThat(model.weightsByKey()).hasSize(Evidence.values().length);
		assertThat(model).isNotEqualTo(ConfidenceModel.UNFITTED);
	}

	@Test
	void aModelWithoutAWeightIsRefusedNamingIt() {
		assertThatIllegalStateException().isThrownBy(() -> read(model().replace("  coverage: 1\n", "")))
			.withMessage("The confidence model has no weight for 'coverage'");
	}

	@Test
	void aModelWeighingEvidenceTheMatcherDoesNotHaveIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> read(model() + "  moon-phase: 1\n"))
			.withMessage("The confidence model weighs evidence the matcher does not have: moon-phase");
	}

	@Test
	void aModelWrittenByTheFitReadsBackTheSame() throws Exception {
		double[] weights = new double[Evidence.values().length];
		weights[Evidence.COVERAGE.ordinal()] = 1.25;
		ConfidenceModel model = new ConfidenceModel(-2, weights);
		String yaml = new Calibration(model, 3, 7).toYaml(List.of("a.jsonl"), LocalDate.of(2026, 12, 3));
		assertThat(yaml).contains("fitted: 2026-12-03\n", "fitted-on:\n  - a.jsonl\n");
		assertThat(read(yaml)).isEqualTo(model);
	}

	private static String model() {
		StringBuilder yaml = new StringBuilder("intercept: -2\nweights:\n");
		for (Evidence evidence : Evidence.values()) {
			yaml.append("  ").append(evidence.key()).append(": 1\n");
		}
		return yaml.toString();
	}

	private static ConfidenceModel read(String yaml) throws Exception {
		return ConfidenceModel.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

}
