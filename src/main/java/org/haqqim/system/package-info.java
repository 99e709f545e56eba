/**
 * The shared kernel of the running system: which mode the bot runs in, the staff chat it
 * serves, start-up refusals, how failures are described without their content, and the
 * order in which workers start and stop. Every other package may use it; it uses none.
 */
package org.haqqim.system;
