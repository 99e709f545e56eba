package org.haqqim.knowledge;

/** A section of the menu; its name is the text {@code category.<id>}. */
public record Category(String id, String icon) {
}
