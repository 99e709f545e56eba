package org.haqqim.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The figures the load harnesses print: percentiles, the heap and the resident memory. */
final class LoadFigures {

	private LoadFigures() {
	}

	static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

	/** The heap after a full collection and this process's resident memory. */
	static String memory() {
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
		return "heap after GC " + heap + " MB, RSS " + rss(ProcessHandle.current().pid());
	}

	/** A process's resident memory, or "?" where /proc cannot tell (not on Linux). */
	static String rss(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc/" + pid + "/status"))
				.stream()
				.filter(line -> line.startsWith("VmRSS:"))
				.findFirst()
				.map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB")
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
