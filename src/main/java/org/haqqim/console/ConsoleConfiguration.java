package org.haqqim.console;

import org.haqqim.system.StaffChat;
import org.haqqim.transport.Inbox;
import org.haqqim.transport.InboxProcessor;
import org.haqqim.transport.OutboxRelay;
import org.haqqim.transport.SendPacing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's ends of the pipe, used instead of Telegram's when the bot runs in the
 * console.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "haqqim.mode", havingValue = "console")
class ConsoleConfiguration {

	@Bean
	ConsoleTerminal consoleTerminal() {
		return new ConsoleTerminal();
	}

	@Bean
	StaffChat consoleStaffChat() {
		return new StaffChat(ConsoleTerminal.STAFF_CHAT_ID);
	}

	@Bean
	SendPacing consolePacing() {
		return SendPacing.unlimited();
	}

	@Bean
	ConsoleChat consoleChat(Inbox inbox, InboxProcessor processor, OutboxRelay relay, ConsoleTerminal terminal) {
		return new ConsoleChat(inbox, processor, relay, terminal);
	}

}
