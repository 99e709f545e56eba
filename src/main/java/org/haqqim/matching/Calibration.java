package org.haqqim.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.haqqim.knowledge.KnowledgeBase;

/**
 * Fits the {@link ConfidenceModel} on labelled messages: every topic the engine weighs
 * for a message is one example, right when it is the topic the message is labelled with
 * (never, for a message out of scope). Logistic regression by Newton's method with a
 * small ridge penalty, so that evidence that never varies in the data gets no weight
 * rather than an unbounded one.
 */
public final class Calibration {

	private static final double RIDGE = 1.0;

	private static final int NEWTON_STEPS = 50;

	private static final double CONVERGED = 1e-9;

	private final ConfidenceModel model;

	private final int messages;

	private final int examples;

	Calibration(ConfidenceModel model, int messages, int examples) {
		this.model = model;
		this.messages = messages;
		this.examples = examples;
	}

	public static Calibration fit(KnowledgeBase knowledge, MatchingProperties properties,
			List<Evaluation.Sample> samples) {
		MatchingEngine engine = MatchingEngine.build(knowledge, properties, ConfidenceModel.UNFITTED);
		List<double[]> evidence = new ArrayList<>();
		List<Boolean> right = new ArrayList<>();
		for (Evaluation.Sample sample : samples) {
			MatchingEngine.Reading reading = engine.read(new Question(sample.text(), null, sample.citizenship()));
			for (MatchingEngine.Choice choice : engine.choices(reading)) {
				evidence.add(choice.evidence());
				right.add(choice.topic().equals(sample.topic()));
			}
		}
		return new Calibration(logistic(evidence, right), samples.size(), evidence.size());
	}

	public int messages() {
		return this.messages;
	}

	public int examples() {
		return this.examples;
	}

	ConfidenceModel model() {
		return this.model;
	}

	/** The model as the file the matcher ships with, saying what it was fitted on. */
	public String toYaml(List<String> fittedOn, LocalDate fittedAt) {
		StringBuilder yaml = new StringBuilder();
		yaml.append("# The confidence model: how likely the topic the bot would answer with is the one asked\n")
			.append("# about, from the evidence the matcher has for it. Fitted by ./haqqim calibrate; refit it\n")
			.append("# after changing the matcher or the knowledge base much, and check it on the sets kept\n")
			.append("# apart (BENCHMARKS.md). Do not edit the numbers by hand.\n")
			.append("fitted: ")
			.append(fittedAt)
			.append('\n')
			.append("messages: ")
			.append(this.messages)
			.append('\n')
			.append("examples: ")
			.append(this.examples)
			.append('\n')
			.append("fitted-on:\n");
		fittedOn.forEach(file -> yaml.append("  - ").append(file).append('\n'));
		yaml.append("intercept: ").append(format(this.model.intercept())).append('\n').append("weights:\n");
		for (Map.Entry<String, Double> weight : this.model.weightsByKey().entrySet()) {
			yaml.append("  ").append(weight.getKey()).append(": ").append(format(weight.getValue())).append('\n');
		}
		return yaml.toString();
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.6f", value);
	}

	static ConfidenceModel logistic(List<double[]> evidence, List<Boolean> right) {
		int size = Evidence.values().length + 1;
		double[] weights = new double[size];
		for (int step = 0; step < NEWTON_STEPS; step++) {
			double[] gradient = new double[size];
			double[][] hessian = new double[size][size];
			for (int row = 0; row < evidence.size(); row++) {
				double[] x = withIntercept(evidence.get(row));
				double p = 1 / (1 + Math.exp(-dot(weights, x)));
				double error = p - (right.get(row) ? 1 : 0);
				double curvature = p * (1 - p);
				for (int i = 0; i < size; i++) {
					gradient[i] += error * x[i];
					for (int j = 0; j < size; j++) {
						hessian[i][j] += curvature * x[i] * x[j];
					}
				}
			}
			for (int i = 1; i < size; i++) {
				gradient[i] += RIDGE * weights[i];
				hessian[i][i] += RIDGE;
			}
			double[] change = solve(hessian, gradient);
			double moved = 0;
			for (int i = 0; i < size; i++) {
				weights[i] -= change[i];
				moved = Math.max(moved, Math.abs(change[i]));
			}
			if (moved < CONVERGED) {
				break;
			}
		}
		double[] evidenceWeights = new double[size - 1];
		System.arraycopy(weights, 1, evidenceWeights, 0, size - 1);
		return new ConfidenceModel(weights[0], evidenceWeights);
	}

	private static double[] withIntercept(double[] evidence) {
		double[] x = new double[evidence.length + 1];
		x[0] = 1;
		System.arraycopy(evidence, 0, x, 1, evidence.length);
		return x;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	/** Gaussian elimination with partial pivoting; the ridge keeps the matrix regular. */
	private static double[] solve(double[][] matrix, double[] vector) {
		int n = vector.length;
		double[][] a = new double[n][];
		double[] b = vector.clone();
		for (int i = 0; i < n; i++) {
			a[i] = matrix[i].clone();
		}
		for (int column = 0; column < n; column++) {
			int pivot = column;
			for (int row = column + 1; row < n; row++) {
				if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
					pivot = row;
				}
			}
			double[] swap = a[column];
			a[column] = a[pivot];
			a[pivot] = swap;
			double swapped = b[column];
			b[column] = b[pivot];
			b[pivot] = swapped;
			for (int row = column + 1; row < n; row++) {
				double factor = a[row][column] / a[column][column];
				b[row] -= factor * b[column];
				for (int k = column; k < n; k++) {
					a[row][k] -= factor * a[column][k];
				}
			}
		}
		double[] x = new double[n];
		for (int row = n - 1; row >= 0; row--) {
			double sum = b[row];
			for (int k = row + 1; k < n; k++) {
				sum -= a[row][k] * x[k];
			}
			x[row] = sum / a[row][row];
		}
		return x;
	}

}
