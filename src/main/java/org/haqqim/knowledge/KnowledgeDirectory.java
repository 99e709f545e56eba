package org.haqqim.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A knowledge directory being read: its files as YAML trees, and every problem found in
 * them so far, by file and line. The readers of each kind of file share one.
 */
final class KnowledgeDirectory {

	private final Path directory;

	private final List<Problem> problems = new ArrayList<>();

	private final Set<String> unreadable = new LinkedHashSet<>();

	KnowledgeDirectory(Path directory) {
		this.directory = directory;
	}

	boolean exists() {
		return Files.isDirectory(this.directory);
	}

	/**
	 * The fields of a file, by its path in the directory; its problems are recorded here.
	 */
	YamlFields file(String relative) {
		return new YamlFields(relative, this.problems);
	}

	boolean exists(String relative) {
		return Files.exists(this.directory.resolve(relative));
	}

	/** A file whose whole content is a set of fields. */
	Optional<YamlTree.Mapping> mapping(YamlFields file, boolean required) {
		return read(file, required).flatMap(node -> file.mapping(node, "the file"));
	}

	Optional<YamlTree.Node> read(YamlFields file, boolean required) {
		Path path = this.directory.resolve(file.file());
		if (!Files.exists(path)) {
			if (required) {
				file.error(0, "the file is missing");
			}
			return Optional.empty();
		}
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			return Optional.of(YamlTree.parse(reader));
		}
		catch (YamlTree.SyntaxError ex) {
			this.unreadable.add(file.file());
			file.error(ex.line(), ex.getMessage() + " (check the quotes and the indentation)");
		}
		catch (MalformedInputException ex) {
			file.error(0, "the file is not UTF-8 text; save it as UTF-8");
		}
		catch (IOException ex) {
			file.error(0, "cannot be read: " + ex.getMessage());
		}
		return Optional.empty();
	}

	/** The YAML files of a folder, by their paths in the directory, in name order. */
	List<String> yamlFiles(String folder) {
		Path path = this.directory.resolve(folder);
		if (!Files.isDirectory(path)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(path)) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.matches(".*\\.ya?ml"))
				.sorted()
				.map(name -> folder + "/" + name)
				.toList();
		}
		catch (IOException ex) {
			file(folder).error(0, "cannot be read: " + ex.getMessage());
			return List.of();
		}
	}

	/**
	 * Whether a file's YAML could not be read, so that what it holds is not reported as
	 * missing too.
	 */
	boolean isUnreadable(String relative) {
		return this.unreadable.contains(relative);
	}

	ValidationReport report() {
		return new ValidationReport(this.problems);
	}

	@Override
	public String toString() {
		return this.directory.toString();
	}

}
