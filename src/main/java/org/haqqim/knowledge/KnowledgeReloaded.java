package org.haqqim.knowledge;

/**
 * A changed knowledge directory was valid and is now in use; whatever was built from the
 * old one is stale.
 */
public record KnowledgeReloaded(KnowledgeBase knowledge) {
}
