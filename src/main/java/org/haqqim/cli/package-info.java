/**
 * The command line: {@code ./haqqim} and its commands, parsed with picocli, each with
 * {@code --help}. The maintainers' commands bind their settings from the environment
 * exactly as the bot does, and look at the knowledge base and the matcher the bot would
 * serve.
 */
package org.haqqim.cli;
