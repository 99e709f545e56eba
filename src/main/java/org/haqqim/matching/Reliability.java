package org.haqqim.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * How well confidence estimates the chance of being right: messages grouped by their
 * confidence into ten equal bins, each bin's mean confidence beside the share of its
 * messages whose best topic was right, and the expected calibration error (the mean gap,
 * weighted by how many messages each bin holds).
 */
public record Reliability(List<Bin> bins, double expectedCalibrationError) {

	private static final int BINS = 10;

	public Reliability {
		bins = List.copyOf(bins);
	}

	/**
	 * @param from the lowest confidence the bin holds
	 * @param messages how many messages it holds
	 * @param confidence their mean confidence
	 * @param right the share of them whose best topic was the one asked about
	 */
	public record Bin(double from, int messages, double confidence, double right) {
	}

	static Reliability of(List<Double> confidences, List<Boolean> right) {
		int[] counts = new int[BINS];
		double[] confidenceSums = new double[BINS];
		int[] rightCounts = new int[BINS];
		for (int i = 0; i < confidences.size(); i++) {
			double confidence = confidences.get(i);
			int bin = Math.min(BINS - 1, (int) (confidence * BINS));
			counts[bin]++;
			confidenceSums[bin] += confidence;
			rightCounts[bin] += right.get(i) ? 1 : 0;
		}
		List<Bin> bins = new ArrayList<>();
		double error = 0;
		for (int bin = 0; bin < BINS; bin++) {
			if (counts[bin] == 0) {
				continue;
			}
			double confidence = confidenceSums[bin] / counts[bin];
			double share = (double) rightCounts[bin] / counts[bin];
			bins.add(new Bin((double) bin / BINS, counts[bin], confidence, share));
			error += (double) counts[bin] / confidences.size() * Math.abs(confidence - share);
		}
		return new Reliability(bins, error);
	}

	public String toTable() {
		StringBuilder table = new StringBuilder(
				String.format("%-10s %8s %11s %7s%n", "confidence", "messages", "mean conf.", "right"));
		for (Bin bin : this.bins) {
			table.append(String.format("%.1f-%.1f    %8d %10.1f%% %6.1f%%%n", bin.from(), bin.from() + 1.0 / BINS,
					bin.messages(), 100 * bin.confidence(), 100 * bin.right()));
		}
		table.append(String.format("expected calibration error %.3f%n", this.expectedCalibrationError));
		return table.toString();
	}

}
