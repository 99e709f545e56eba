package org.haqqim.transport;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.haqqim.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteTransportStoreTests extends TransportStoreContract {

	@TempDir
	Path directory;

	@Override
	DataSource createDataSource() {
		return TestDatabases.sqlite(this.directory);
	}

	@Test
	void commitsAreDurableAcrossCrashesAndPowerLoss() {
		DataSource dataSource = TestDatabases.sqlite(this.directory.resolve("pragmas"));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
		assertThat(jdbc.sql("PRAGMA synchronous").query(Integer.class).single()).as("2 is FULL").isEqualTo(2);
		TestDatabases.close(dataSource);
	}

}
