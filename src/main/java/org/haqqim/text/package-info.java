/**
 * The subset of HTML that Telegram accepts, which every text the bot shows is written in:
 * escaping what people typed, and reading a message back as plain text.
 */
package org.haqqim.text;
