/**
 * The knowledge base: reading the maintainers' files in {@code knowledge/} into an
 * immutable snapshot, validating them with precise messages, producing Uzbek Cyrillic
 * from Uzbek Latin, rendering texts for a person's language and citizenship, and
 * reloading when the files change.
 */
package org.haqqim.knowledge;
