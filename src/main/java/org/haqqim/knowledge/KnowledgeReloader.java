package org.haqqim.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.haqqim.system.Duty;
import org.haqqim.system.Phases;
import org.haqqim.system.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Watches the knowledge directory on its own thread, off the path that handles updates.
 * When the files change and then stay unchanged for a moment (a maintainer saving several
 * files is one change), it loads them: a valid version replaces the old one whole; an
 * invalid one is reported once and the old one keeps serving.
 */
class KnowledgeReloader extends Worker {

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeReloader.class);

	/**
	 * Long enough for a load under way to finish; a change not yet loaded is loaded at
	 * the next start.
	 */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

	private final CurrentKnowledge knowledge;

	private final KnowledgeLoader loader;

	private final KnowledgeProperties properties;

	private final ApplicationEventPublisher events;

	private volatile String loadedFingerprint;

	private volatile String rejectedFingerprint;

	public KnowledgeReloader(CurrentKnowledge knowledge, KnowledgeLoader loader, KnowledgeProperties properties,
			ApplicationEventPublisher events, Duty duty) {
		super("knowledge-reloader", Phases.KNOWLEDGE, STOP_TIMEOUT, duty);
		this.knowledge = knowledge;
		this.loader = loader;
		this.properties = properties;
		this.events = events;
		// the files as they were loaded a moment ago, not when the reloader starts: a
		// standby starts it only when it takes over, and must then load what changed
		this.loadedFingerprint = fingerprint().orElse("");
	}

	@Override
	protected Duration work() throws InterruptedException {
		checkForChanges();
		return this.properties.reloadCheckInterval();
	}

	/**
	 * Loads the directory if it changed since the last look; the watcher calls this, and
	 * so can tests.
	 */
	void checkForChanges() throws InterruptedException {
		Optional<String> seen = fingerprint();
		if (seen.isEmpty() || seen.get().equals(this.loadedFingerprint)
				|| seen.get().equals(this.rejectedFingerprint)) {
			return;
		}
		pause(this.properties.reloadQuietPeriod());
		Optional<String> settled = fingerprint();
		if (settled.isEmpty() || !settled.equals(seen)) {
			return;
		}
		KnowledgeLoader.Result result = this.loader.load(this.properties.directory());
		if (result.knowledge().isPresent()) {
			this.knowledge.replace(result.knowledge().get());
			this.loadedFingerprint = settled.get();
			this.rejectedFingerprint = null;
			logger.info("Knowledge reloaded from {} ({} warnings)", this.properties.directory(),
					result.report().warnings().size());
			this.events.publishEvent(new KnowledgeReloaded(result.knowledge().get()));
		}
		else {
			this.rejectedFingerprint = settled.get();
			logger.warn("Knowledge change rejected; the previous version stays in use:\n{}",
					result.report().errors().stream().map(Problem::describe).reduce((a, b) -> a + "\n" + b).orElse(""));
			this.events.publishEvent(new KnowledgeRejected(result.report()));
		}
	}

	/**
	 * Whether the files as they are now were loaded, or were rejected: no change waits to
	 * be looked at.
	 */
	boolean isSettled() {
		Optional<String> now = fingerprint();
		return now.isPresent()
				&& (now.get().equals(this.loadedFingerprint) || now.get().equals(this.rejectedFingerprint));
	}

	/**
	 * Names, sizes and modification times of every file, or empty when the directory
	 * cannot be read.
	 */
	private Optional<String> fingerprint() {
		Path directory = this.properties.directory();
		try (Stream<Path> files = Files.walk(directory)) {
			StringBuilder fingerprint = new StringBuilder();
			files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).forEach(file -> {
				try {
					fingerprint.append(directory.relativize(file))
						.append(':')
						.append(Files.size(file))
						.append(':')
						.append(Files.getLastModifiedTime(file).toMillis())
						.append('\n');
				}
				catch (IOException ex) {
					fingerprint.append(file).append(":unreadable\n");
				}
			});
			return Optional.of(fingerprint.toString());
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
