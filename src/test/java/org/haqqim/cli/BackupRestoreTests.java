package org.haqqim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 and the reliability review's D5: a backup taken while the bot runs, restored
 * on a fresh machine, gives a bot that goes on with the open cases; a restore is refused
 * while a bot runs on the database, and a file that is no backup is refused by name.
 */
class BackupRestoreTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final long STAFF = -1009876543L;

	@TempDir
	Path temporary;

	@Test
	void aBackupTakenWhileTheBotRunsGivesAFreshBotThatGoesOnWithTheOpenCase() throws Exception {
		Path backup = this.temporary.resolve("backup.db");
		try (FakeBotApi telegram = new FakeBotApi().start()) {
			long person = 78_000_001L;
			Map<String, String> old = RunningBot.environment(telegram, STAFF, this.temporary.resolve("old/haqqim.db"));
			ConfigurableApplicationContext first = RunningBot.start(old);
			long caseId;
			try {
				telegram.userSays(person, "меня задержали сейчас в метро", "ru");
				FakeBotApi.Call consent = telegram.awaitScreen(person, 1, WAIT);
				String yes = consent.buttonData("rp:y:");
				caseId = Long.parseLong(yes.substring("rp:y:".length()));
				telegram.userPresses(person, consent.targetMessageId(), yes, "ru");
				telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF && call.accepted(), WAIT);
				CommandLineRun.Result backedUp = CommandLineRun.run(old, "", "backup", backup.toString());
				assertThat(backedUp.exit()).as(backedUp.err()).isZero();
			}
			finally {
				first.close();
			}
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");

			Map<String, String> fresh = RunningBot.environment(telegram, STAFF,
					this.temporary.resolve("new/haqqim.db"));
			CommandLineRun.Result restored = CommandLineRun.run(fresh, "", "restore", backup.toString());
			assertThat(restored.exit()).as(restored.err()).isZero();
			ConfigurableApplicationContext second = RunningBot.start(fresh);
			try {
				assertThat(CommandLineRun.run(fresh, "", "restore", backup.toString()).err())
					.as("no restore under a running bot")
					.contains("another Haqqim is already running");
				telegram.userSays(person, "они до сих пор держат меня в комнате", "ru");
				FakeBotApi.Call relayed = telegram.awaitCall("sendmessage",
						call -> call.chatId() == STAFF && call.text().contains("они до сих пор держат меня в комнате"),
						WAIT);
				assertThat(relayed.text()).as("the restored bot knows the open case").contains("#" + caseId);
			}
			finally {
				second.close();
			}
		}
	}

	@Test
	void aFileThatIsNoBackupIsRefusedAndTheDatabaseKept() throws Exception {
		Path database = this.temporary.resolve("db/haqqim.db");
		Path notABackup = this.temporary.resolve("notes.txt");
		Files.writeString(notABackup, "not a database");
		Map<String, String> environment = Map.of("DATABASE_URL", "jdbc:sqlite:" + database);
		CommandLineRun.Result refused = CommandLineRun.run(environment, "", "restore", notABackup.toString());
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.err()).startsWith("haqqim: " + notABackup + " is not a backup of Haqqim's database");
		assertThat(database).doesNotExist();
		CommandLineRun.Result postgres = CommandLineRun
			.run(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test"), "", "backup", "x.sql");
		assertThat(postgres.err()).contains("back up PostgreSQL with pg_dump");
	}

}
