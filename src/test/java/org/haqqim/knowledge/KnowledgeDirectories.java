package org.haqqim.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of knowledge directories, for tests that change files. */
public final class KnowledgeDirectories {

	private KnowledgeDirectories() {
	}

	/** Copies a directory into another, replacing files that are there already. */
	public static void copy(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A copy of the project's knowledge/ in {@code to}, with the test announcement
	 * {@code patent-price-2027} (for the patent's subscribers of Uzbekistan); returns its
	 * file.
	 */
	public static Path copyWithAnAnnouncement(Path to) {
		copy(Path.of("knowledge"), to);
		Path file = to.resolve("announcements/patent-price-2027.yaml");
		copy(Path.of("src/test/resources/org/haqqim/announcements"), file.getParent());
		return file;
	}

	/** A fresh temporary copy of the project's knowledge/. */
	public static Path copyOfTheRealOne() {
		try {
			Path target = Files.createTempDirectory("haqqim-knowledge");
			copy(Path.of("knowledge"), target);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
