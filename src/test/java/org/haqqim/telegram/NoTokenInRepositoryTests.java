package org.haqqim.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability case S13: no file of the project holds anything shaped like a bot token,
 * except the tests' canary. A real token pasted into a config file, a fixture or the
 * README would be public the moment it is pushed. Build output, databases and Git's own
 * files are not part of the project and are skipped.
 */
class NoTokenInRepositoryTests {

	private static final Pattern TOKEN_SHAPED = Pattern.compile("\\d{6,}:[A-Za-z0-9_-]{30,}");

	private static final Set<String> NOT_THE_PROJECT = Set.of(".git", "target", "data", ".idea", ".vscode");

	@Test
	void theOnlyTokenShapedStringIsTheTestsCanary() throws IOException {
		List<String> found = new ArrayList<>();
		List<Path> files = projectFiles(Path.of(""));
		for (Path file : files) {
			Matcher matcher = TOKEN_SHAPED.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
			while (matcher.find()) {
				if (!matcher.group().equals(FakeBotApi.CANARY_TOKEN)) {
					found.add(file + ": " + matcher.group().substring(0, matcher.group().indexOf(':')) + ":…");
				}
			}
		}
		assertThat(files).as("the scan reads the project").hasSizeGreaterThan(100);
		assertThat(found).as("token-shaped strings").isEmpty();
	}

	@Test
	void theScanRecognisesATokenShapedString() {
		String shaped = "1234567:" + "A".repeat(35);
		assertThat(TOKEN_SHAPED.matcher("TELEGRAM_BOT_TOKEN=" + shaped).find()).isTrue();
		assertThat(TOKEN_SHAPED.matcher("STAFF_CHAT_ID=-1001234567890").find()).isFalse();
	}

	private static List<Path> projectFiles(Path root) {
		try (Stream<Path> walk = Files.walk(root.toAbsolutePath())) {
			return walk.filter(Files::isRegularFile)
				.filter(file -> root.toAbsolutePath().relativize(file).getNameCount() > 0)
				.filter(file -> !NOT_THE_PROJECT.contains(root.toAbsolutePath().relativize(file).getName(0).toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the project's files", ex);
		}
	}

}
