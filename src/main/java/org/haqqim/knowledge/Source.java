package org.haqqim.knowledge;

import java.time.LocalDate;

/**
 * Where a fact comes from: a title, an address when there is one, and when it was
 * published or read.
 */
public record Source(String title, String url, LocalDate date) {
}
