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
 * it does not. Both name the file and say what they did in one line.
 */
abstract class BackupCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", description = "the backup file")
	Path file;

	private final Settings settings;

	private final PrintStream out;

	BackupCommand(Settings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
	}

	@Override
	public Integer call() {
		this.out.println(apply(SqliteBackup.of(this.settings.databaseUrl()), this.file));
		return 0;
	}

	/** Does the command's work; what to tell the operator. */
	abstract String apply(SqliteBackup database, Path file);

	@Command(name = "backup", description = { "Copies the SQLite database to a new file.",
			"Safe while the bot runs: the copy is one consistent snapshot of DATABASE_URL, readable by its owner",
			"only. FILE must not exist. For PostgreSQL use pg_dump." })
	static final class Backup extends BackupCommand {

		Backup(Settings settings, PrintStream out) {
			super(settings, out);
		}

		@Override
		String apply(SqliteBackup database, Path file) {
			database.backup(file);
			return "backed up to " + file;
		}

	}

	@Command(name = "restore",
			description = { "Puts the SQLite database back from a backup.",
					"Replaces the database of DATABASE_URL with FILE, written by ./haqqim backup; refused while a bot",
					"runs on it. Start the bot afterwards: it answers the open cases of the backup." })
	static final class Restore extends BackupCommand {

		Restore(Settings settings, PrintStream out) {
			super(settings, out);
		}

		@Override
		String apply(SqliteBackup database, Path file) {
			database.restore(file);
			return "restored from " + file;
		}

	}

}
