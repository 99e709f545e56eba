package org.haqqim.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.haqqim.transport.ChatType;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.MediaKind;
import org.haqqim.transport.Origin;
import org.haqqim.transport.UnreadableUpdate;
import org.haqqim.transport.UpdateBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Maps Telegram's updates to our {@link InboundEvent}s. Names, usernames and everything
 * else the bot does not need are dropped here, at the edge. Mapping never throws: an
 * update it cannot read becomes {@link InboundEvent.Unsupported}, so that it is still
 * confirmed and cannot block polling.
 */
class UpdateMapper {

	private static final Logger logger = LoggerFactory.getLogger(UpdateMapper.class);

	private static final Set<String> MEMBER_STATUSES = Set.of("member", "administrator", "creator", "restricted");

	/**
	 * Reads a poll's answer update by update. One that cannot be read is kept as it came
	 * and confirmed with the others; only its field path is logged, never a value.
	 */
	UpdateBatch read(List<? extends JsonNode> updates, long currentOffset) {
		List<InboundEvent> events = new ArrayList<>();
		List<UnreadableUpdate> unreadable = new ArrayList<>();
		long highest = currentOffset - 1;
		for (JsonNode raw : updates) {
			JsonNode id = raw.path("update_id");
			if (!id.isIntegralNumber()) {
				logger.warn("An update without an update_id was ignored: it cannot be stored or confirmed");
				continue;
			}
			long updateId = id.asLong();
			highest = Math.max(highest, updateId);
			try {
				events.add(map(GetUpdatesOneByOne.read(raw)));
			}
			catch (JsonProcessingException | RuntimeException ex) {
				String reason = unreadablePart(ex);
				logger.warn("Update {} could not be read ({}); it is kept as a failed inbox row and confirmed",
						updateId, reason);
				unreadable.add(new UnreadableUpdate(updateId, chatOf(raw), raw.toString(), reason));
			}
		}
		return new UpdateBatch(events, unreadable, highest + 1);
	}

	InboundEvent map(Update update) {
		try {
			return mapOrFail(update);
		}
		catch (RuntimeException ex) {
			return new InboundEvent.Unsupported(emptyOrigin(update.getUpdateId() == null ? 0 : update.getUpdateId()),
					"unreadable");
		}
	}

	private InboundEvent mapOrFail(Update update) {
		long updateId = update.getUpdateId();
		if (update.getMessage() != null) {
			return mapMessage(updateId, update.getMessage(), false);
		}
		if (update.getEditedMessage() != null) {
			return mapMessage(updateId, update.getEditedMessage(), true);
		}
		if (update.getCallbackQuery() != null) {
			return mapCallback(updateId, update.getCallbackQuery());
		}
		if (update.getMyChatMember() != null) {
			return mapMembership(updateId, update.getMyChatMember());
		}
		return new InboundEvent.Unsupported(emptyOrigin(updateId), "other-update");
	}

	private InboundEvent mapMessage(long updateId, Message message, boolean edited) {
		Origin origin = origin(updateId, message, edited);
		if (message.getMigrateToChatId() != null) {
			return new InboundEvent.ChatMigrated(origin, message.getMigrateToChatId());
		}
		if (message.hasText()) {
			return new InboundEvent.Text(origin, message.getText());
		}
		if (message.hasPhoto()) {
			PhotoSize largest = message.getPhoto()
				.stream()
				.max(Comparator.comparing(size -> size.getFileSize() == null ? 0 : size.getFileSize()))
				.orElseThrow();
			return new InboundEvent.Media(origin, MediaKind.PHOTO, largest.getFileId(), message.getCaption());
		}
		if (message.hasVoice()) {
			return media(origin, MediaKind.VOICE, message.getVoice().getFileId(), message);
		}
		if (message.hasVideoNote()) {
			return media(origin, MediaKind.VIDEO_NOTE, message.getVideoNote().getFileId(), message);
		}
		if (message.hasAnimation()) {
			return media(origin, MediaKind.ANIMATION, message.getAnimation().getFileId(), message);
		}
		if (message.hasVideo()) {
			return media(origin, MediaKind.VIDEO, message.getVideo().getFileId(), message);
		}
		if (message.hasAudio()) {
			return media(origin, MediaKind.AUDIO, message.getAudio().getFileId(), message);
		}
		if (message.hasDocument()) {
			return media(origin, MediaKind.DOCUMENT, message.getDocument().getFileId(), message);
		}
		if (message.hasSticker()) {
			return media(origin, MediaKind.STICKER, message.getSticker().getFileId(), message);
		}
		if (message.hasLocation()) {
			return new InboundEvent.Location(origin, message.getLocation().getLatitude(),
					message.getLocation().getLongitude());
		}
		if (message.hasContact()) {
			Long contactUser = message.getContact().getUserId();
			boolean own = contactUser != null && message.getFrom() != null
					&& contactUser.equals(message.getFrom().getId());
			return new InboundEvent.Contact(origin, message.getContact().getPhoneNumber(), own);
		}
		return new InboundEvent.Unsupported(origin, "message");
	}

	private static InboundEvent media(Origin origin, MediaKind kind, String fileId, Message message) {
		return new InboundEvent.Media(origin, kind, fileId, message.getCaption());
	}

	private InboundEvent mapCallback(long updateId, CallbackQuery query) {
		MaybeInaccessibleMessage message = query.getMessage();
		User from = query.getFrom();
		long chatId = message != null ? message.getChatId() : from.getId();
		ChatType chatType = message != null ? chatType(message.getChat()) : ChatType.PRIVATE;
		Integer messageId = (message != null && message.getDate() != null && message.getDate() != 0)
				? message.getMessageId() : null;
		Origin origin = new Origin(updateId, chatId, chatType, from.getId(), from.getLanguageCode(),
				Boolean.TRUE.equals(from.getIsBot()), false, messageId, null, null, false,
				chatType.isGroup() ? from.getFirstName() : null);
		String data = query.getData() == null ? "" : query.getData();
		return new InboundEvent.ButtonPress(origin, query.getId(), data);
	}

	private InboundEvent mapMembership(long updateId, ChatMemberUpdated change) {
		User from = change.getFrom();
		Origin origin = new Origin(updateId, change.getChat().getId(), chatType(change.getChat()),
				from == null ? 0 : from.getId(), null, false, false, null, null, null, false, null);
		String status = change.getNewChatMember() == null ? "left" : change.getNewChatMember().getStatus();
		return new InboundEvent.Membership(origin, MEMBER_STATUSES.contains(status));
	}

	private static Origin origin(long updateId, Message message, boolean edited) {
		User from = message.getFrom();
		Chat chat = message.getChat();
		boolean anonymousAdmin = message.getSenderChat() != null && chat != null
				&& message.getSenderChat().getId().equals(chat.getId());
		Message replyTo = message.getReplyToMessage();
		// A message inside a forum topic "replies" to the topic's opening service
		// message; that is not a reply.
		Integer replyToId = (replyTo == null || replyTo.getForumTopicCreated() != null) ? null : replyTo.getMessageId();
		Integer threadId = Boolean.TRUE.equals(message.getIsTopicMessage()) ? message.getMessageThreadId() : null;
		ChatType type = chatType(chat);
		String senderName = (type.isGroup() && from != null) ? from.getFirstName() : null;
		return new Origin(updateId, message.getChatId(), type, from == null ? 0 : from.getId(),
				from == null ? null : from.getLanguageCode(), from != null && Boolean.TRUE.equals(from.getIsBot()),
				anonymousAdmin, message.getMessageId(), replyToId, threadId, edited, senderName,
				sentAt(message, edited));
	}

	/** An edit was sent when it was edited; Telegram's times are in whole seconds. */
	private static Instant sentAt(Message message, boolean edited) {
		Integer seconds = edited && message.getEditDate() != null ? message.getEditDate() : message.getDate();
		return (seconds == null || seconds <= 0) ? null : Instant.ofEpochSecond(seconds);
	}

	private static ChatType chatType(Chat chat) {
		if (chat == null || chat.getType() == null) {
			return ChatType.PRIVATE;
		}
		return switch (chat.getType()) {
			case "group" -> ChatType.GROUP;
			case "supergroup" -> ChatType.SUPERGROUP;
			case "channel" -> ChatType.CHANNEL;
			default -> ChatType.PRIVATE;
		};
	}

	private static Origin emptyOrigin(long updateId) {
		return new Origin(updateId, 0, ChatType.PRIVATE, 0, null, false, false, null, null, null, false, null);
	}

	/**
	 * The exception's kind and the path of fields where reading stopped: Jackson's own
	 * message may quote the value, which can be a person's words.
	 */
	private static String unreadablePart(Exception ex) {
		if (ex instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String path = mapping.getPath()
				.stream()
				.map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
				.collect(Collectors.joining("."));
			return ex.getClass().getSimpleName() + " at " + path;
		}
		return ex.getClass().getSimpleName();
	}

	/**
	 * The chat an unreadable update seems to come from, so that {@code /forget} can find
	 * it; 0 when there is none to be read.
	 */
	private static long chatOf(JsonNode raw) {
		for (String kind : TelegramPoller.ALLOWED_UPDATES) {
			JsonNode body = raw.path(kind);
			for (JsonNode id : List.of(body.path("chat").path("id"), body.path("message").path("chat").path("id"),
					body.path("from").path("id"))) {
				if (id.isIntegralNumber()) {
					return id.asLong();
				}
			}
		}
		return 0;
	}

}
