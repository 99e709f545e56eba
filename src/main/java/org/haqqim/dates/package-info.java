/**
 * My dates: the dates a person chose to keep (only dates), the deadlines counted from
 * them for their citizenship, and the reminders they asked for.
 */
package org.haqqim.dates;
