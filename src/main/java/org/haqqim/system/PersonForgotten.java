package org.haqqim.system;

/**
 * A person asked to be forgotten and everything about them was erased, in the transaction
 * this event is published in. What stores data can then make the erasure reach the disk.
 */
public record PersonForgotten() {
}
