package org.haqqim.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite file holds people's words: only its owner may read it. */
class DatabaseFileTests {

	@TempDir
	Path directory;

	@Test
	void aNewDatabaseFileIsReadableByItsOwnerOnly() throws IOException {
		Path file = this.directory.resolve("new.db");
		open(file);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void anExistingDatabaseFileOthersCanReadIsTightened() throws IOException {
		Path file = this.directory.resolve("copied.db");
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
		Path log = Files.createFile(Path.of(file + "-wal"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-r--")));
		open(file);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
	}

	private static void open(Path file) {
		DataSource dataSource = new DatabaseConfiguration()
			.dataSource(new DatabaseProperties("jdbc:sqlite:" + file, null, null, 1));
		TestDatabases.close(dataSource);
	}

}
