package org.haqqim.announcements;

import java.util.List;
import java.util.Map;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.system.Duty;
import org.haqqim.system.StaffChat;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
import org.haqqim.transport.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued announcements a few at a time, on the instance on duty: it tops the outbox
 * up only while fewer than {@value #AHEAD} messages to people wait there, as bulk
 * messages the relay sends after any other waiting one, so that a person's own reply
 * always goes first, the queue stays short, and the relay's pacing keeps Telegram's 30 a
 * second. Each message is queued in the transaction that marks its delivery, so a crash
 * neither loses nor repeats one. When every delivery of an announcement has an outcome,
 * the staff chat is told the counts.
 */
@Component
@WhenChatting
class AnnouncementSender {

	private static final Logger logger = LoggerFactory.getLogger(AnnouncementSender.class);

	/** About half a second of Telegram's 30 messages a second. */
	static final int AHEAD = 15;

	private final AnnouncementQueue queue;

	private final Outbox outbox;

	private final CurrentKnowledge knowledge;

	private final StaffChat staffChat;

	private final TransactionTemplate transactions;

	private final Duty duty;

	AnnouncementSender(AnnouncementQueue queue, Outbox outbox, CurrentKnowledge knowledge, StaffChat staffChat,
			TransactionTemplate transactions, Duty duty) {
		this.queue = queue;
		this.outbox = outbox;
		this.knowledge = knowledge;
		this.staffChat = staffChat;
		this.transactions = transactions;
		this.duty = duty;
	}

	@Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT0.25S")
	public void sendSome() {
		if (!this.duty.isOnDuty()) {
			return;
		}
		try {
			if (this.queue.anyWaiting()) {
				topUp();
			}
			else {
				reportFinished();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Sending announcements failed, trying again: {}", ex.getClass().getSimpleName());
		}
	}

	private void topUp() {
		long room = AHEAD - this.outbox.waiting(false).count();
		if (room <= 0) {
			return;
		}
		String fallback = this.knowledge.current().defaultLanguage();
		this.transactions.executeWithoutResult(status -> {
			for (AnnouncementQueue.Waiting waiting : this.queue.next((int) room, fallback)) {
				this.outbox.enqueue(Replies.bulk(OutboundMessage.Text.of(waiting.chatId(), waiting.html()),
						TopicAlerts.correlation(waiting.announcement())));
				this.queue.mark(waiting.announcement(), waiting.chatId(), "QUEUED");
			}
		});
	}

	private void reportFinished() {
		List<AnnouncementQueue.Outcome> finished = this.queue.finishedUnreported();
		if (finished.isEmpty()) {
			return;
		}
		KnowledgeBase base = this.knowledge.current();
		Audience staff = Audience.of(base.defaultLanguage(), null);
		this.transactions.executeWithoutResult(status -> {
			for (AnnouncementQueue.Outcome outcome : finished) {
				String html = base.text("staff.announcement-done", staff,
						Map.of("id", outcome.id(), "sent", Long.toString(outcome.sent()), "blocked",
								Long.toString(outcome.blocked()), "failed", Long.toString(outcome.failed())));
				this.outbox.enqueue(Replies.of(OutboundMessage.Text.of(this.staffChat.id(), html)));
				this.queue.markReported(outcome.id());
				logger.info("Announcement {} has gone out: {} sent, {} blocked, {} failed", outcome.id(),
						outcome.sent(), outcome.blocked(), outcome.failed());
			}
		});
	}

}
