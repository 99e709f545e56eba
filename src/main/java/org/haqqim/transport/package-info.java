/**
 * The durable pipe between a chat adapter (Telegram or the console) and the dispatcher:
 * inbound events and the inbox they are committed to, outbound messages and the outbox
 * they wait in, and the workers that process one and drain the other.
 */
package org.haqqim.transport;
