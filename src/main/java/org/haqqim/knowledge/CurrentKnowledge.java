package org.haqqim.knowledge;

import java.util.concurrent.atomic.AtomicReference;

/** The knowledge base in use now. A reload replaces it in one step. */
public final class CurrentKnowledge {

	private final AtomicReference<KnowledgeBase> current;

	public CurrentKnowledge(KnowledgeBase initial) {
		this.current = new AtomicReference<>(initial);
	}

	public KnowledgeBase current() {
		return this.current.get();
	}

	void replace(KnowledgeBase next) {
		this.current.set(next);
	}

}
