package org.haqqim.telegram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sign of life on disk, for {@code ./haqqim health} in another process (a container's
 * health check): the time of the last successful poll, or, on a standby, {@code standby}
 * and the time it last tried to take over. Written at most every ten seconds.
 */
class HeartbeatFile {

	static final String STANDBY = "standby ";

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatFile.class);

	private final Path file;

	private Instant written;

	HeartbeatFile(Path file) {
		this.file = file;
	}

	synchronized void polled(Instant now) {
		write(now, now.toString());
	}

	synchronized void standingBy(Instant now) {
		write(now, STANDBY + now);
	}

	private void write(Instant now, String content) {
		if (this.written != null && now.isBefore(this.written.plusSeconds(10))) {
			return;
		}
		this.written = now;
		try {
			if (this.file.getParent() != null) {
				Files.createDirectories(this.file.getParent());
			}
			Files.writeString(this.file, content);
		}
		catch (IOException ex) {
			logger.warn("The heartbeat file {} cannot be written: {}", this.file, ex.getClass().getSimpleName());
		}
	}

}
