/**
 * The Telegram adapter, and the only package that sees TelegramBots types: long polling
 * into the inbox, delivering the outbox through the Bot API, mapping Telegram's types to
 * our own, and keeping the bot token out of every output.
 */
package org.haqqim.telegram;
