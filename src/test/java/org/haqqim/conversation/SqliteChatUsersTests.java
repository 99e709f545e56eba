package org.haqqim.conversation;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.haqqim.database.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

class SqliteChatUsersTests extends ChatUsersContract {

	@TempDir
	Path directory;

	@Override
	DataSource createDataSource() {
		return TestDatabases.sqlite(this.directory);
	}

}
