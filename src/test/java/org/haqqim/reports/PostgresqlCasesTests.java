package org.haqqim.reports;

import javax.sql.DataSource;

import org.haqqim.database.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;

@EnabledIf(value = "org.haqqim.database.TestDatabases#postgresqlAvailable",
		disabledReason = "PostgreSQL on 127.0.0.1:5432 is not reachable; .ci/run starts it. Skipping the PostgreSQL variant.")
class PostgresqlCasesTests extends CasesContract {

	@Override
	DataSource createDataSource() {
		return TestDatabases.postgresql();
	}

}
