/**
 * The console chat: the bot in a terminal, for trying it out and for scripts. It replaces
 * only the Telegram ends (receiving and delivering); everything between is the code that
 * runs on Telegram.
 */
package org.haqqim.console;
