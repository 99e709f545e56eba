package org.haqqim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.haqqim.database.SqliteBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./haqqim backup FILE} and {@code ./haqqim restore FILE}: the SQLite database of
 * {@code DATABASE_URL} copied to a file while the bot runs, and put back from one while
 * it does not.
 */
final class BackupCommand {

	private BackupCommand() {
	}

	@Command(name = "backup", description = { "Copies the SQLite database to a new file.",
			"Safe while the bot runs: the copy is one consistent snapshot of DATABASE_URL, readable by its owner",
			"only. For PostgreSQL use pg_dump." })
	static final class Backup implements Callable<Integer> {

		@Parameters(paramLabel = "FILE", description = "the new backup file; it must not exist")
		Path file;

		private final Settings settings;

		private final PrintStream out;

		Backup(Settings settings, PrintStream out) {
			this.settings = settings;
			this.out = out;
		}

		@Override
		public Integer call() {
			SqliteBackup.of(this.settings.databaseUrl()).backup(this.file);
			this.out.println("backed up to " + this.file);
			return 0;
		}

	}

	@Command(name = "restore",
			description = { "Puts the SQLite database back from a backup.",
					"Replaces the database of DATABASE_URL with FILE; refused while a bot runs on it. Start the bot",
					"afterwards: it answers the open cases of the backup." })
	static final class Restore implements Callable<Integer> {

		@Parameters(paramLabel = "FILE", description = "a file written by ./haqqim backup")
		Path file;

		private final Settings settings;

		private final PrintStream out;

		Restore(Settings settings, PrintStream out) {
			this.settings = settings;
			this.out = out;
		}

		@Override
		public Integer call() {
			SqliteBackup.of(this.settings.databaseUrl()).restore(this.file);
			this.out.println("restored from " + this.file);
			return 0;
		}

	}

}
