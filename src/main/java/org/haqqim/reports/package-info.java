/**
 * Urgent reports: from a migrant's consent and a short intake to a case card in the staff
 * chat, staff answers relayed back, staff commands, reminders, flood limits and
 * retention.
 */
package org.haqqim.reports;
