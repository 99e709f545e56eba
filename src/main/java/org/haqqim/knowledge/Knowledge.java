package org.haqqim.knowledge;

import java.util.concurrent.atomic.AtomicReference;

/** The knowledge base in use now. A reload replaces it in one step. */
public class Knowledge {

	private final AtomicReference<KnowledgeBase> current;

	public Knowledge(KnowledgeBase initial) {
		this.current = new AtomicReference<>(initial);
	}

	public KnowledgeBase current() {
		return this.current.get();
	}

	void replace(KnowledgeBase next) {
		this.current.set(next);
	}

}
