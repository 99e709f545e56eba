package org.haqqim.knowledge;

/** A changed knowledge directory had errors; the previous version stays in use. */
public record KnowledgeRejected(ValidationReport report) {
}
