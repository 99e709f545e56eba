package org.haqqim.reports;

import java.util.Map;
import java.util.stream.Collectors;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeRejected;
import org.haqqim.knowledge.Problem;
import org.haqqim.system.StaffChat;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
import org.haqqim.transport.Replies;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the staff chat, once per rejected change, that an edit of the knowledge base was
 * not taken and why, so that whoever made it learns without reading the server's logs.
 */
@Component
@WhenChatting
class KnowledgeProblemsNotice {

	private static final int SHOWN = 10;

	private final CurrentKnowledge knowledge;

	private final Outbox outbox;

	private final StaffChat staffChat;

	private final ReportsProperties properties;

	KnowledgeProblemsNotice(CurrentKnowledge knowledge, Outbox outbox, StaffChat staffChat,
			ReportsProperties properties) {
		this.knowledge = knowledge;
		this.outbox = outbox;
		this.staffChat = staffChat;
		this.properties = properties;
	}

	@EventListener
	void onRejected(KnowledgeRejected rejected) {
		String problems = rejected.report()
			.errors()
			.stream()
			.limit(SHOWN)
			.map(Problem::describe)
			.collect(Collectors.joining("\n"));
		int more = rejected.report().errors().size() - SHOWN;
		String report = more > 0 ? problems + "\n… +" + more : problems;
		String html = this.knowledge.current()
			.text("staff.knowledge-rejected", Audience.of(this.properties.staffLanguage(), null),
					Map.of("report", report));
		this.outbox.enqueue(Replies.of(new OutboundMessage.Text(this.staffChat.id(), html, null, null, null, true)));
	}

}
