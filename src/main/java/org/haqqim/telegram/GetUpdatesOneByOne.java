package org.haqqim.telegram;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code getUpdates}, answered as one JSON tree per update instead of a list of
 * {@link Update}s. TelegramBots' own {@code GetUpdates} reads the whole answer at once,
 * so a single update it cannot parse (a chat without {@code type}, a user without
 * {@code first_name}) made every update in the batch unreadable and stopped polling for
 * good. Errors ({@code ok: false}, {@code retry_after}) are read exactly as the library
 * reads them.
 */
final class GetUpdatesOneByOne extends BotApiMethod<ArrayList<ObjectNode>> {

	@JsonProperty("offset")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	private final Integer offset;

	@JsonProperty("limit")
	private final int limit;

	@JsonProperty("timeout")
	private final int timeout;

	@JsonProperty("allowed_updates")
	private final List<String> allowedUpdates;

	GetUpdatesOneByOne(Integer offset, int limit, int timeoutSeconds, List<String> allowedUpdates) {
		this.offset = offset;
		this.limit = limit;
		this.timeout = timeoutSeconds;
		this.allowedUpdates = List.copyOf(allowedUpdates);
	}

	@Override
	public String getMethod() {
		return "getUpdates";
	}

	@Override
	public ArrayList<ObjectNode> deserializeResponse(String answer) throws TelegramApiRequestException {
		return deserializeResponseArray(answer, ObjectNode.class);
	}

	/**
	 * Reads one update with the same object mapper the library reads whole answers with.
	 */
	static Update read(JsonNode update) throws JsonProcessingException {
		return OBJECT_MAPPER.treeToValue(update, Update.class);
	}

}
