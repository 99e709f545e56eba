package org.haqqim;

import java.io.IOException;
import java.nio.file.Path;

import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every test of the packaged jar shares: a fake Bot API of its own for each test,
 * and afterwards every bot it started stopped, the fake closed and the logs checked for
 * the token.
 */
abstract class PackagedBotTest {

	private final long staffChat;

	@TempDir
	Path temporary;

	FakeBotApi telegram;

	PackagedBot packaged;

	PackagedBotTest(long staffChat) {
		this.staffChat = staffChat;
	}

	@BeforeEach
	final void startTheFake() {
		this.telegram = new FakeBotApi().start();
		this.packaged = new PackagedBot(this.telegram, this.temporary, this.staffChat);
	}

	@AfterEach
	final void stopEverything() throws IOException {
		this.packaged.stopEveryBot();
		this.telegram.close();
		this.packaged.assertNoTokenInLogs();
	}

}
