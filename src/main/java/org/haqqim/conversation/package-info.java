/**
 * What a migrant sees: the dispatcher that routes every inbound event, chat state,
 * commands, menus, onboarding and replies in the person's language.
 */
package org.haqqim.conversation;
