package org.haqqim.telegram;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.haqqim.system.Failures;
import org.haqqim.text.Html;
import org.haqqim.transport.Deliverer;
import org.haqqim.transport.DeliveryResult;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.OutboundMessage;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.send.SendAnimation;
import org.telegram.telegrambots.meta.api.methods.send.SendAudio;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendSticker;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.methods.send.SendVideoNote;
import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers outbound messages through the Bot API and turns every answer into a
 * {@link DeliveryResult}. Where Telegram refuses a message for a reason we can work
 * around (markup it cannot parse, a message that can no longer be edited, a deleted forum
 * topic) it sends the closest thing instead of dropping it.
 */
class TelegramDeliverer implements Deliverer {

	private final TelegramClient client;

	private final Duration callTimeout;

	TelegramDeliverer(TelegramClient client, Duration callTimeout) {
		this.client = client;
		this.callTimeout = callTimeout;
	}

	@Override
	public DeliveryResult deliver(OutboundMessage message) {
		try {
			return new DeliveryResult.Delivered(send(message));
		}
		catch (TelegramApiRequestException ex) {
			return classify(ex);
		}
		catch (TimeoutException ex) {
			return new DeliveryResult.TransientFailure("no answer within " + this.callTimeout.toSeconds() + " s");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new DeliveryResult.TransientFailure("interrupted by shutdown");
		}
		catch (Exception ex) {
			return new DeliveryResult.TransientFailure(Failures.describe(ex));
		}
	}

	private Long send(OutboundMessage message) throws Exception {
		if (message instanceof OutboundMessage.Text text) {
			return sendText(text);
		}
		if (message instanceof OutboundMessage.Edit edit) {
			return editText(edit);
		}
		if (message instanceof OutboundMessage.CallbackAnswer answer) {
			return answerCallback(answer);
		}
		if (message instanceof OutboundMessage.Copy copy) {
			return call(() -> this.client.executeAsync(copyMessage(copy))).getMessageId();
		}
		if (message instanceof OutboundMessage.Media media) {
			return sendMedia(media);
		}
		if (message instanceof OutboundMessage.Picture picture) {
			return sendPicture(picture);
		}
		if (message instanceof OutboundMessage.CreateTopic topic) {
			return call(() -> this.client
				.executeAsync(CreateForumTopic.builder().chatId(topic.chatId()).name(topic.name()).build()))
				.getMessageThreadId()
				.longValue();
		}
		if (message instanceof OutboundMessage.Commands commands) {
			return setCommands(commands);
		}
		if (message instanceof OutboundMessage.Leave leave) {
			call(() -> this.client.executeAsync(LeaveChat.builder().chatId(leave.chatId()).build()));
			return null;
		}
		if (message instanceof OutboundMessage.Delete delete) {
			call(() -> this.client
				.executeAsync(DeleteMessage.builder().chatId(delete.chatId()).messageId(delete.messageId()).build()));
			return null;
		}
		throw new IllegalArgumentException("Unknown outbound message " + message.getClass().getSimpleName());
	}

	private Long sendText(OutboundMessage.Text text) throws Exception {
		try {
			return call(() -> this.client.executeAsync(sendMessage(text, text.html(), true))).getMessageId()
				.longValue();
		}
		catch (TelegramApiRequestException ex) {
			String description = description(ex);
			if (description.contains("can't parse entities")) {
				return call(() -> this.client.executeAsync(sendMessage(text, Html.toPlainText(text.html()), false)))
					.getMessageId()
					.longValue();
			}
			if (description.contains("message thread not found") && text.threadId() != null) {
				OutboundMessage.Text outsideTopic = new OutboundMessage.Text(text.chatId(), text.html(),
						text.keyboard(), null, null, text.protect());
				return call(() -> this.client.executeAsync(sendMessage(outsideTopic, outsideTopic.html(), true)))
					.getMessageId()
					.longValue();
			}
			throw ex;
		}
	}

	private SendMessage sendMessage(OutboundMessage.Text text, String body, boolean html) {
		SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder()
			.chatId(text.chatId())
			.text(body)
			.linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
			.protectContent(text.protect());
		if (html) {
			builder.parseMode(ParseMode.HTML);
		}
		if (text.threadId() != null) {
			builder.messageThreadId(text.threadId());
		}
		if (text.replyTo() != null) {
			builder.replyParameters(
					ReplyParameters.builder().messageId(text.replyTo()).allowSendingWithoutReply(true).build());
		}
		if (text.keyboard() != null) {
			builder.replyMarkup(replyKeyboard(text.keyboard()));
		}
		return builder.build();
	}

	private Long editText(OutboundMessage.Edit edit) throws Exception {
		EditMessageText.EditMessageTextBuilder<?, ?> builder = EditMessageText.builder()
			.chatId(edit.chatId())
			.messageId(edit.messageId())
			.text(edit.html())
			.parseMode(ParseMode.HTML)
			.linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
		if (edit.keyboard() != null) {
			builder.replyMarkup(inlineKeyboard(edit.keyboard()));
		}
		try {
			Serializable result = call(() -> this.client.executeAsync(builder.build()));
			return (result instanceof Message message) ? message.getMessageId().longValue() : (long) edit.messageId();
		}
		catch (TelegramApiRequestException ex) {
			String description = description(ex);
			if (description.contains("message is not modified")) {
				return (long) edit.messageId();
			}
			if (description.contains("message to edit not found") || description.contains("message can't be edited")) {
				return sendText(
						new OutboundMessage.Text(edit.chatId(), edit.html(), edit.keyboard(), null, null, false));
			}
			throw ex;
		}
	}

	private Long answerCallback(OutboundMessage.CallbackAnswer answer) throws Exception {
		AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> builder = AnswerCallbackQuery.builder()
			.callbackQueryId(answer.callbackId());
		if (answer.notice() != null) {
			builder.text(answer.notice().length() > 200 ? answer.notice().substring(0, 200) : answer.notice());
		}
		try {
			call(() -> this.client.executeAsync(builder.build()));
		}
		catch (TelegramApiRequestException ex) {
			String description = description(ex);
			if (!description.contains("query is too old") && !description.contains("query id is invalid")) {
				throw ex;
			}
		}
		return null;
	}

	private CopyMessage copyMessage(OutboundMessage.Copy copy) {
		CopyMessage.CopyMessageBuilder<?, ?> builder = CopyMessage.builder()
			.chatId(copy.chatId())
			.fromChatId(copy.fromChatId())
			.messageId(copy.messageId())
			.protectContent(copy.protect());
		if (copy.threadId() != null) {
			builder.messageThreadId(copy.threadId());
		}
		if (copy.captionHtml() != null) {
			builder.caption(copy.captionHtml()).parseMode(ParseMode.HTML);
		}
		if (copy.replyTo() != null) {
			builder.replyParameters(
					ReplyParameters.builder().messageId(copy.replyTo()).allowSendingWithoutReply(true).build());
		}
		return builder.build();
	}

	private Long sendPicture(OutboundMessage.Picture picture) throws Exception {
		InputFile file = new InputFile(new ByteArrayInputStream(picture.png()), "chart.png");
		return call(() -> this.client.executeAsync(SendPhoto.builder()
			.chatId(Long.toString(picture.chatId()))
			.photo(file)
			.caption(picture.captionHtml())
			.parseMode(picture.captionHtml() == null ? null : ParseMode.HTML)
			.messageThreadId(picture.threadId())
			.replyToMessageId(picture.replyTo())
			.protectContent(true)
			.build())).getMessageId().longValue();
	}

	private Long sendMedia(OutboundMessage.Media media) throws Exception {
		InputFile file = new InputFile(media.fileId());
		String caption = media.captionHtml();
		String parseMode = caption == null ? null : ParseMode.HTML;
		String chatId = Long.toString(media.chatId());
		Message sent = switch (media.kind()) {
			case PHOTO -> call(() -> this.client.executeAsync(SendPhoto.builder()
				.chatId(chatId)
				.photo(file)
				.caption(caption)
				.parseMode(parseMode)
				.messageThreadId(media.threadId())
				.protectContent(media.protect())
				.build()));
			case VOICE -> call(() -> this.client.executeAsync(SendVoice.builder()
				.chatId(chatId)
				.voice(file)
				.caption(caption)
				.parseMode(parseMode)
				.messageThreadId(media.threadId())
				.protectContent(media.protect())
				.build()));
			case AUDIO -> call(() -> this.client.executeAsync(SendAudio.builder()
				.chatId(chatId)
				.audio(file)
				.caption(caption)
				.parseMode(parseMode)
				.messageThreadId(media.threadId())
				.protectContent(media.protect())
				.build()));
			case VIDEO -> call(() -> this.client.executeAsync(SendVideo.builder()
				.chatId(chatId)
				.video(file)
				.caption(caption)
				.parseMode(parseMode)
				.messageThreadId(media.threadId())
				.protectContent(media.protect())
				.build()));
			case VIDEO_NOTE -> call(() -> this.client.executeAsync(SendVideoNote.builder()
				.chatId(chatId)
				.videoNote(file)
				.messageThreadId(media.threadId())
				.protectContent(media.protect())
				.build()));
			case ANIMATION -> call(() -> this.client.executeAsync(SendAnimation.builder()
				.chatId(chatId)
				.animation(file)
				.caption(caption)
				.parseMode(parseMode)
				.messageThreadId(media.threadId())
				.protectContent(media.protect())
				.build()));
			case STICKER -> call(() -> this.client.executeAsync(SendSticker.builder()
				.chatId(chatId)
				.sticker(file)
				.messageThreadId(media.threadId())
				.protectContent(media.protect())
				.build()));
			case DOCUMENT -> call(() -> this.client.executeAsync(SendDocument.builder()
				.chatId(chatId)
				.document(file)
				.caption(caption)
				.parseMode(parseMode)
				.messageThreadId(media.threadId())
				.protectContent(media.protect())
				.build()));
		};
		return sent.getMessageId().longValue();
	}

	private Long setCommands(OutboundMessage.Commands commands) throws Exception {
		List<BotCommand> botCommands = commands.commands()
			.stream()
			.map(command -> new BotCommand(command.name(), command.description()))
			.toList();
		SetMyCommands.SetMyCommandsBuilder<?, ?> builder = SetMyCommands.builder().commands(botCommands);
		if (commands.languageCode() != null) {
			builder.languageCode(commands.languageCode());
		}
		call(() -> this.client.executeAsync(builder.build()));
		return null;
	}

	private static ReplyKeyboard replyKeyboard(Keyboard keyboard) {
		if (keyboard instanceof Keyboard.Inline inline) {
			return inlineKeyboard(inline);
		}
		if (keyboard instanceof Keyboard.Request request) {
			return ReplyKeyboardMarkup.builder()
				.keyboard(request.buttons().stream().map(TelegramDeliverer::requestRow).toList())
				.oneTimeKeyboard(true)
				.resizeKeyboard(true)
				.build();
		}
		return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
	}

	private static KeyboardRow requestRow(Keyboard.RequestButton button) {
		KeyboardButton.KeyboardButtonBuilder<?, ?> builder = KeyboardButton.builder().text(button.label());
		switch (button.kind()) {
			case LOCATION -> builder.requestLocation(true);
			case CONTACT -> builder.requestContact(true);
			case TEXT -> {
			}
		}
		return new KeyboardRow(List.of(builder.build()));
	}

	private static InlineKeyboardMarkup inlineKeyboard(Keyboard.Inline inline) {
		return InlineKeyboardMarkup.builder()
			.keyboard(inline.rows()
				.stream()
				.map(row -> new InlineKeyboardRow(row.stream()
					.map(button -> button.isLink()
							? InlineKeyboardButton.builder().text(button.label()).url(button.url()).build()
							: InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build())
					.toList()))
				.toList())
			.build();
	}

	static DeliveryResult classify(TelegramApiRequestException ex) {
		Integer code = ex.getErrorCode();
		String description = description(ex);
		// TelegramBots reports an answer it could not read (an HTML error page from a
		// proxy) with code 0.
		if (code == null || code == 0) {
			return new DeliveryResult.TransientFailure("Telegram's answer could not be read");
		}
		if (code == 429) {
			return new DeliveryResult.RetryAfter(Duration.ofSeconds(TelegramPoller.retryAfter(ex)));
		}
		Long movedTo = ex.getParameters() == null ? null : ex.getParameters().getMigrateToChatId();
		if (movedTo != null) {
			return new DeliveryResult.ChatMoved(movedTo);
		}
		if (code == 403) {
			return new DeliveryResult.PermanentFailure(DeliveryResult.FailureKind.BLOCKED, code + " " + description);
		}
		if (code >= 500 || code == 401 || code == 404) {
			return new DeliveryResult.TransientFailure(code + " " + description);
		}
		return new DeliveryResult.PermanentFailure(DeliveryResult.FailureKind.REJECTED, code + " " + description);
	}

	private static String description(TelegramApiRequestException ex) {
		return ex.getApiResponse() == null ? "" : ex.getApiResponse().toLowerCase(Locale.ROOT);
	}

	private <T extends Serializable> T call(BotApi.Call<T> call)
			throws TelegramApiException, TimeoutException, InterruptedException {
		return BotApi.await(call, this.callTimeout);
	}

}
