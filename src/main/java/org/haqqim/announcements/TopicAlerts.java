package org.haqqim.announcements;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.DeliveryListener;
import org.haqqim.transport.DeliveryResult;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.MessageDelivered;
import org.haqqim.transport.MessageUndeliverable;
import org.haqqim.transport.Replies;
import org.haqqim.transport.Screen;

import org.springframework.stereotype.Component;

/**
 * "Tell me when this changes" under an answer: a person subscribes to a topic, and gets
 * the announcements maintainers write about it. A person who blocked the bot is
 * unsubscribed by the first announcement Telegram refuses; /forget ends every
 * subscription.
 */
@Component
@WhenChatting
public class TopicAlerts implements DeliveryListener {

	private static final String PREFIX = "an:";

	private static final String SUBSCRIBE = PREFIX + "s:";

	private static final String UNSUBSCRIBE = PREFIX + "u:";

	private final Subscriptions subscriptions;

	private final AnnouncementQueue queue;

	private final CurrentKnowledge knowledge;

	TopicAlerts(Subscriptions subscriptions, AnnouncementQueue queue, CurrentKnowledge knowledge) {
		this.subscriptions = subscriptions;
		this.queue = queue;
		this.knowledge = knowledge;
	}

	/** The data of the button that subscribes to a topic, for the answer's screen. */
	public static String subscribeButton(String topic) {
		return SUBSCRIBE + topic;
	}

	public static boolean isButton(String data) {
		return data != null && (data.startsWith(SUBSCRIBE) || data.startsWith(UNSUBSCRIBE)) && data.length() <= 64;
	}

	/** A subscribe or unsubscribe button; empty for any other. */
	public Optional<Replies> handle(InboundEvent.ButtonPress press, Audience audience) {
		if (!isButton(press.data())) {
			return Optional.empty();
		}
		long chatId = press.origin().chatId();
		boolean subscribing = press.data().startsWith(SUBSCRIBE);
		String topicId = press.data().substring(subscribing ? SUBSCRIBE.length() : UNSUBSCRIBE.length());
		KnowledgeBase base = this.knowledge.current();
		Optional<Topic> topic = base.topic(topicId);
		if (topic.isEmpty()) {
			return Optional.of(Replies.none());
		}
		Map<String, String> title = Map.of("topic", topic.get().text(audience.language()).title());
		if (subscribing) {
			this.subscriptions.subscribe(chatId, topicId);
			Keyboard.Inline stop = Keyboard.Inline.column(List
				.of(new Keyboard.Button(base.plainText("button.unsubscribe", audience), UNSUBSCRIBE + topicId)));
			return Optional
				.of(Replies.of(new Screen(base.text("alerts.subscribed", audience, title), stop).sendTo(chatId)));
		}
		this.subscriptions.unsubscribe(chatId, topicId);
		return Optional.of(Replies.of(Screen.of(base.text("alerts.unsubscribed", audience, title)).sendTo(chatId)));
	}

	/** /forget: no subscription, and nothing more queued for the person. */
	public void forget(long chatId) {
		this.subscriptions.unsubscribeAll(chatId);
		this.queue.forget(chatId);
	}

	@Override
	public Replies delivered(MessageDelivered delivered) {
		announcementOf(delivered.correlation()).ifPresent(id -> this.queue.mark(id, delivered.chatId(), "SENT"));
		return Replies.none();
	}

	@Override
	public Replies undeliverable(MessageUndeliverable failed) {
		announcementOf(failed.correlation()).ifPresent(id -> {
			boolean blocked = failed.kind() == DeliveryResult.FailureKind.BLOCKED;
			this.queue.mark(id, failed.chatId(), blocked ? "BLOCKED" : "FAILED");
			if (blocked) {
				this.subscriptions.unsubscribeAll(failed.chatId());
			}
		});
		return Replies.none();
	}

	/** The correlation an announcement's message is queued with. */
	static String correlation(String announcement) {
		return PREFIX + announcement;
	}

	private static Optional<String> announcementOf(String correlation) {
		return correlation != null && correlation.startsWith(PREFIX)
				? Optional.of(correlation.substring(PREFIX.length())) : Optional.empty();
	}

}
