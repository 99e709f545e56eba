package org.haqqim.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The estimate that the topic the bot would answer with is the one the person asked
 * about: a logistic model over the {@link Evidence}, fitted on labelled messages by
 * {@link Calibration} ({@code ./haqqim calibrate}) and checked on sets it was not fitted
 * on (BENCHMARKS.md).
 *
 * @param intercept the log-odds when every piece of evidence is 0
 * @param weights one weight per {@link Evidence}, in its declared order
 */
record ConfidenceModel(double intercept, double[] weights) {

	/** Where the fitted model ships, beside the code whose evidence it weighs. */
	static final String RESOURCE = "/org/haqqim/matching/confidence.yaml";

	/**
	 * Weighs nothing: every topic is even odds. What a fit starts from, since the
	 * evidence the engine gathers does not depend on the model.
	 */
	static final ConfidenceModel UNFITTED = new ConfidenceModel(0, new double[Evidence.values().length]);

	ConfidenceModel {
		if (weights.length != Evidence.values().length) {
			throw new IllegalArgumentException("A confidence model needs " + Evidence.values().length
					+ " weights, one per kind of evidence, not " + weights.length);
		}
		weights = weights.clone();
	}

	/** The model fitted for this version of the matcher. */
	static ConfidenceModel fitted() {
		try (InputStream in = ConfidenceModel.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The fitted confidence model " + RESOURCE + " is missing");
			}
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The fitted confidence model " + RESOURCE + " could not be read", ex);
		}
	}

	static ConfidenceModel read(InputStream in) throws IOException {
		JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
		JsonNode weights = root.path("weights");
		if (!root.path("intercept").isNumber() || !weights.isObject()) {
			throw new IllegalStateException("A confidence model needs a number 'intercept' and a map 'weights'");
		}
		TreeSet<String> unknown = new TreeSet<>();
		weights.fieldNames().forEachRemaining(unknown::add);
		double[] values = new double[Evidence.values().length];
		for (Evidence evidence : Evidence.values()) {
			JsonNode weight = weights.path(evidence.key());
			if (!weight.isNumber()) {
				throw new IllegalStateException("The confidence model has no weight for '" + evidence.key() + "'");
			}
			values[evidence.ordinal()] = weight.asDouble();
			unknown.remove(evidence.key());
		}
		if (!unknown.isEmpty()) {
			throw new IllegalStateException(
					"The confidence model weighs evidence the matcher does not have: " + String.join(", ", unknown));
		}
		return new ConfidenceModel(root.path("intercept").asDouble(), values);
	}

	double probability(double[] evidence) {
		double logOdds = this.intercept;
		for (int i = 0; i < this.weights.length; i++) {
			logOdds += this.weights[i] * evidence[i];
		}
		return 1 / (1 + Math.exp(-logOdds));
	}

	/** The weights by their keys, in the order of {@link Evidence}. */
	Map<String, Double> weightsByKey() {
		Map<String, Double> byKey = new LinkedHashMap<>();
		for (Evidence evidence : Evidence.values()) {
			byKey.put(evidence.key(), this.weights[evidence.ordinal()]);
		}
		return byKey;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ConfidenceModel model && this.intercept == model.intercept
				&& Arrays.equals(this.weights, model.weights);
	}

	@Override
	public int hashCode() {
		return 31 * Double.hashCode(this.intercept) + Arrays.hashCode(this.weights);
	}

	@Override
	public String toString() {
		return "ConfidenceModel[intercept=" + this.intercept + ", weights=" + weightsByKey() + "]";
	}

}
