/**
 * Rule-change alerts: the topics people asked to be told about, and the announcements
 * maintainers write, sent after everyone's own replies and reported to staff.
 */
package org.haqqim.announcements;
