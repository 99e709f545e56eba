package org.haqqim.telegram;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Bot API server in the test's JVM, on 127.0.0.1. It long-polls with real offset
 * semantics (an update is confirmed when a later offset is asked for), answers the
 * methods the bot uses, records every request, and injects faults on demand: 429 with
 * {@code retry_after}, 5xx, 403, a moved group, delays past the read timeout, malformed
 * JSON, an answer without {@code ok}, a dropped connection, and the replay of a batch
 * already delivered.
 */
public final class FakeBotApi implements AutoCloseable {

	public static final String CANARY_TOKEN = "123456789:TESTCANARY_aaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	public static final long BOT_ID = 999_000_111L;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final MockWebServer server = new MockWebServer();

	private final Object updatesLock = new Object();

	private final List<ObjectNode> pendingUpdates = new ArrayList<>();

	private final AtomicLong nextUpdateId = new AtomicLong(1000);

	private final AtomicLong confirmedBelow = new AtomicLong();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final List<String> peoplesWords = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();

	private final Map<String, Deque<Fault>> faultsByChat = new ConcurrentHashMap<>();

	private final Map<Long, AtomicInteger> messageIds = new ConcurrentHashMap<>();

	private final AtomicInteger threadIds = new AtomicInteger(500);

	private final AtomicInteger updateBatchesDelivered = new AtomicInteger();

	private final java.util.Set<Long> blockedChats = ConcurrentHashMap.newKeySet();

	private static final Set<String> TELEGRAM_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
			"a", "code", "pre", "tg-spoiler", "span", "blockquote");

	private volatile Fault everyCall;

	private volatile List<ObjectNode> lastBatch = List.of();

	private volatile boolean replayNextBatch;

	private volatile boolean closed;

	/**
	 * A request the fake received; {@code accepted} when it was answered normally, not
	 * with a fault, and {@code messageId} the id the fake gave a message it created (0
	 * otherwise).
	 */
	public record Call(String method, String token, JsonNode body, Instant at, boolean accepted, int messageId) {

		public long chatId() {
			return this.body.path("chat_id").asLong();
		}

		public String text() {
			return this.body.path("text").asText(null);
		}

		/** The inline buttons, row by row flattened: label and callback data. */
		public List<Button> buttons() {
			List<Button> buttons = new ArrayList<>();
			JsonNode markup = this.body.path("reply_markup");
			if (markup.isTextual()) {
				markup = parse("application/json", markup.asText());
			}
			for (JsonNode row : markup.path("inline_keyboard")) {
				for (JsonNode button : row) {
					buttons.add(new Button(button.path("text").asText(), button.path("callback_data").asText()));
				}
			}
			return buttons;
		}

		/** The data of the first button whose data starts with the given prefix. */
		public String buttonData(String prefix) {
			return buttons().stream()
				.map(Button::data)
				.filter(data -> data.startsWith(prefix))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No button with data starting '" + prefix + "' in " + buttons()));
		}

		/** The message this call is about: the one it created, or the one it edited. */
		public int targetMessageId() {
			return this.messageId != 0 ? this.messageId : this.body.path("message_id").asInt();
		}

	}

	public record Button(String label, String data) {
	}

	/** What the fake does instead of answering normally. */
	public sealed interface Fault {

		record Status(int code, String body) implements Fault {
		}

		record Delay(Duration delay) implements Fault {
		}

		record Disconnect() implements Fault {
		}

		/**
		 * Holds the request until the connection is closed (by a crash of the bot) and
		 * answers nothing.
		 */
		record Hold() implements Fault {
		}

		/**
		 * Answers normally, but sends the body a few bytes a second, so it takes long to
		 * arrive.
		 */
		record SlowBody() implements Fault {
		}

		static Fault tooManyRequests(int retryAfterSeconds) {
			return new Status(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
					+ retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}");
		}

		static Fault serverError(int code) {
			return new Status(code, code == 502 ? "<html><body>502 Bad Gateway</body></html>"
					: "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"Internal Server Error\"}");
		}

		static Fault forbidden() {
			return new Status(403,
					"{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
		}

		static Fault conflict() {
			return new Status(409, "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other "
					+ "getUpdates request; make sure that only one bot instance is running\"}");
		}

		static Fault migrated(long newChatId) {
			return new Status(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was "
					+ "upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":" + newChatId + "}}");
		}

		static Fault malformedJson() {
			return new Status(200, "{\"ok\":true,\"result\":[{\"update_id\":");
		}

		static Fault withoutOk() {
			return new Status(200, "{\"result\":true}");
		}

		static Fault delay(Duration delay) {
			return new Delay(delay);
		}

		static Fault disconnect() {
			return new Disconnect();
		}

		static Fault hold() {
			return new Hold();
		}

		static Fault slowBody() {
			return new SlowBody();
		}

	}

	public FakeBotApi() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return handle(request);
			}
		});
	}

	public FakeBotApi start() {
		try {
			this.server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Fake Bot API could not start", ex);
		}
		return this;
	}

	/** The base URL to give the bot as {@code TELEGRAM_API_URL}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getPort();
	}

	@Override
	public void close() {
		this.closed = true;
		synchronized (this.updatesLock) {
			this.updatesLock.notifyAll();
		}
		try {
			this.server.shutdown();
		}
		catch (IOException ex) {
			// the server's threads end anyway
		}
	}

	// --- what users do

	/** A person writes in a private chat; returns the update id. */
	public long userSays(long userId, String text, String languageCode) {
		ObjectNode message = message(userId, privateChat(userId), user(userId, languageCode));
		message.put("text", text);
		this.peoplesWords.add(text);
		return enqueueUpdate("message", message);
	}

	/**
	 * Everything test persons wrote to the bot, to check that none of it reaches a log.
	 */
	public List<String> peoplesWords() {
		return List.copyOf(this.peoplesWords);
	}

	public long userSays(long userId, String text) {
		return userSays(userId, text, "ru");
	}

	/** A person presses an inline button under the bot's message. */
	public long userPresses(long userId, int messageId, String data, String languageCode) {
		ObjectNode query = JSON.createObjectNode();
		query.put("id", "cb-" + this.nextUpdateId.get());
		query.set("from", user(userId, languageCode));
		ObjectNode message = JSON.createObjectNode();
		message.put("message_id", messageId);
		message.put("date", now());
		message.set("chat", privateChat(userId));
		message.set("from", botUser());
		message.put("text", "…");
		query.set("message", message);
		query.put("chat_instance", "ci-" + userId);
		query.put("data", data);
		return enqueueUpdate("callback_query", query);
	}

	/** A person shares a location. */
	public long userSharesLocation(long userId, double latitude, double longitude) {
		ObjectNode message = message(userId, privateChat(userId), user(userId, "ru"));
		ObjectNode location = message.putObject("location");
		location.put("latitude", latitude);
		location.put("longitude", longitude);
		return enqueueUpdate("message", message);
	}

	/**
	 * A person sends media by file id ({@code photo}, {@code voice}, {@code document},
	 * {@code sticker}).
	 */
	public long userSendsMedia(long userId, String kind, String caption) {
		ObjectNode message = message(userId, privateChat(userId), user(userId, "ru"));
		String fileId = kind + "-file-" + this.nextUpdateId.get();
		switch (kind) {
			case "photo" -> {
				ArrayNode sizes = message.putArray("photo");
				ObjectNode size = sizes.addObject();
				size.put("file_id", fileId);
				size.put("file_unique_id", "u" + fileId);
				size.put("width", 800);
				size.put("height", 600);
				size.put("file_size", 12345);
			}
			case "voice" -> {
				ObjectNode voice = message.putObject("voice");
				voice.put("file_id", fileId);
				voice.put("file_unique_id", "u" + fileId);
				voice.put("duration", 5);
			}
			case "sticker" -> {
				ObjectNode sticker = message.putObject("sticker");
				sticker.put("file_id", fileId);
				sticker.put("file_unique_id", "u" + fileId);
				sticker.put("type", "regular");
				sticker.put("width", 512);
				sticker.put("height", 512);
				sticker.put("is_animated", false);
				sticker.put("is_video", false);
			}
			default -> {
				ObjectNode document = message.putObject("document");
				document.put("file_id", fileId);
				document.put("file_unique_id", "u" + fileId);
			}
		}
		if (caption != null) {
			message.put("caption", caption);
		}
		return enqueueUpdate("message", message);
	}

	/**
	 * Someone writes in a group; {@code replyTo} makes it a reply to the bot's message
	 * with that id.
	 */
	public long groupMessage(long chatId, long userId, String text, Integer replyTo) {
		ObjectNode chat = group(chatId);
		ObjectNode message = message(chatId, chat, user(userId, "ru"));
		message.put("text", text);
		if (replyTo != null) {
			ObjectNode original = message.putObject("reply_to_message");
			original.put("message_id", replyTo);
			original.put("date", now());
			original.set("chat", chat);
			original.set("from", botUser());
			original.put("text", "…");
		}
		return enqueueUpdate("message", message);
	}

	/** The bot was added to a group by someone. */
	public long botAddedTo(long chatId, long byUserId) {
		ObjectNode change = JSON.createObjectNode();
		ObjectNode chat = change.putObject("chat");
		chat.put("id", chatId);
		chat.put("type", "supergroup");
		chat.put("title", "Some group");
		change.set("from", user(byUserId, "ru"));
		change.put("date", now());
		ObjectNode old = change.putObject("old_chat_member");
		old.put("status", "left");
		old.set("user", botUser());
		ObjectNode member = change.putObject("new_chat_member");
		member.put("status", "member");
		member.set("user", botUser());
		return enqueueUpdate("my_chat_member", change);
	}

	/**
	 * A staff member sends media in a group, optionally as a reply to the bot's message
	 * with that id.
	 */
	public long groupMedia(long chatId, long userId, String kind, Integer replyTo, String caption) {
		ObjectNode chat = group(chatId);
		ObjectNode message = message(chatId, chat, user(userId, "ru"));
		ArrayNode sizes = message.putArray("photo");
		ObjectNode size = sizes.addObject();
		size.put("file_id", kind + "-staff-" + this.nextUpdateId.get());
		size.put("file_unique_id", "u" + this.nextUpdateId.get());
		size.put("width", 800);
		size.put("height", 600);
		if (caption != null) {
			message.put("caption", caption);
		}
		if (replyTo != null) {
			ObjectNode original = message.putObject("reply_to_message");
			original.put("message_id", replyTo);
			original.put("date", now());
			original.set("chat", chat);
			original.set("from", botUser());
			original.put("text", "…");
		}
		return enqueueUpdate("message", message);
	}

	/** A message in a forum topic of a group (not a reply to anything but the topic). */
	public long topicMessage(long chatId, long userId, int threadId, String text) {
		ObjectNode chat = group(chatId);
		chat.put("is_forum", true);
		ObjectNode message = message(chatId, chat, user(userId, "ru"));
		message.put("text", text);
		message.put("message_thread_id", threadId);
		message.put("is_topic_message", true);
		ObjectNode opening = message.putObject("reply_to_message");
		opening.put("message_id", threadId);
		opening.put("date", now());
		opening.set("chat", chat);
		opening.set("from", botUser());
		opening.putObject("forum_topic_created").put("name", "topic").put("icon_color", 7322096);
		return enqueueUpdate("message", message);
	}

	/** A group admin posts anonymously, on behalf of the group. */
	public long anonymousAdminSays(long chatId, String text) {
		ObjectNode chat = group(chatId);
		ObjectNode anonymous = JSON.createObjectNode();
		anonymous.put("id", 1087968824L);
		anonymous.put("is_bot", true);
		anonymous.put("first_name", "Group");
		anonymous.put("username", "GroupAnonymousBot");
		ObjectNode message = message(chatId, chat, anonymous);
		message.set("sender_chat", chat);
		message.put("text", text);
		return enqueueUpdate("message", message);
	}

	/** From now on, sends to this chat fail with 403, as when a person blocks the bot. */
	public void blockBy(long chatId) {
		this.blockedChats.add(chatId);
	}

	/** Adds a raw update (its {@code update_id} is assigned here). */
	public long enqueueUpdate(String kind, ObjectNode payload) {
		synchronized (this.updatesLock) {
			long id = this.nextUpdateId.getAndIncrement();
			ObjectNode update = JSON.createObjectNode();
			update.put("update_id", id);
			update.set(kind, payload);
			this.pendingUpdates.add(update);
			this.updatesLock.notifyAll();
			return id;
		}
	}

	// --- faults

	/**
	 * The next {@code times} calls of a method (lower case, e.g. "sendmessage") get the
	 * fault.
	 */
	public void failNext(String method, Fault fault, int times) {
		Deque<Fault> queue = this.faults.computeIfAbsent(method.toLowerCase(Locale.ROOT),
				m -> new ConcurrentLinkedDeque<>());
		for (int i = 0; i < times; i++) {
			queue.add(fault);
		}
	}

	/** The next call of a method for one chat gets the fault. */
	public void failNextTo(long chatId, String method, Fault fault) {
		this.faultsByChat
			.computeIfAbsent(method.toLowerCase(Locale.ROOT) + "@" + chatId, m -> new ConcurrentLinkedDeque<>())
			.add(fault);
	}

	/** Every call gets the fault until {@link #recover()}. */
	public void failEverything(Fault fault) {
		this.everyCall = fault;
	}

	public void recover() {
		this.everyCall = null;
		this.faults.clear();
		this.faultsByChat.clear();
	}

	/**
	 * The next getUpdates returns the last delivered batch again, whatever its offset.
	 */
	public void replayLastBatch() {
		this.replayNextBatch = true;
	}

	// --- what the bot did

	/**
	 * Forgets the calls recorded so far, and the requests MockWebServer keeps of them, so
	 * that a long run holds no more than the calls since.
	 */
	public void forgetCalls() {
		this.calls.clear();
		try {
			while (this.server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
				// each one taken is one less held
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	public List<Call> calls(String method) {
		String lower = method.toLowerCase(Locale.ROOT);
		return this.calls.stream().filter(call -> call.method().equals(lower)).toList();
	}

	/** Texts the fake accepted from the bot for a chat with sendMessage, in order. */
	public List<String> textsSentTo(long chatId) {
		return acceptedTo(chatId, "sendmessage").stream().map(Call::text).toList();
	}

	/**
	 * Everything the fake accepted for a chat that a person sees: new messages and edits,
	 * in order.
	 */
	public List<Call> screensOf(long chatId) {
		return this.calls.stream()
			.filter(call -> call.accepted() && call.chatId() == chatId
					&& (call.method().equals("sendmessage") || call.method().equals("editmessagetext")))
			.toList();
	}

	/** Waits for the next screen a person sees after the given number of earlier ones. */
	public Call awaitScreen(long chatId, int after, Duration timeout) {
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> screensOf(chatId).size() > after);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No screen number " + (after + 1) + " for " + chatId + " within " + timeout
					+ "; calls:" + summary());
		}
		return screensOf(chatId).get(after);
	}

	/** Calls of a method for a chat that the fake answered normally, in order. */
	public List<Call> acceptedTo(long chatId, String method) {
		return calls(method).stream().filter(call -> call.accepted() && call.chatId() == chatId).toList();
	}

	/** The update ids below which everything has been confirmed by the bot. */
	public long confirmedBelow() {
		return this.confirmedBelow.get();
	}

	/** Whether the bot has confirmed every update the fake has handed out. */
	public boolean allUpdatesConfirmed() {
		return this.confirmedBelow.get() >= this.nextUpdateId.get();
	}

	/**
	 * Waits until the bot is quiet: every update confirmed, handled and its replies sent.
	 * The bot's database tells: an update is confirmed only once it is in the inbox, and
	 * stays there as pending until it is handled; its replies are queued in the same
	 * transaction and stay pending or sending until Telegram answered for them, and what
	 * follows a delivery is queued in the transaction that records it.
	 */
	public void awaitQuiet(JdbcClient bot, Duration timeout) {
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> allUpdatesConfirmed() && pending(bot) == 0);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The bot did not become quiet within " + timeout + ": " + pending(bot)
					+ " update(s) and message(s) pending; " + summary(), ex);
		}
	}

	private static long pending(JdbcClient bot) {
		return bot
			.sql("SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'PENDING') "
					+ "+ (SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING'))")
			.query(Long.class)
			.single();
	}

	public int updateBatchesDelivered() {
		return this.updateBatchesDelivered.get();
	}

	/** Waits until a recorded call matches. */
	public Call awaitCall(String method, Predicate<Call> matching, Duration timeout) {
		try {
			return Awaitility.await()
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> calls(method).stream().filter(matching).findFirst(), Optional::isPresent)
				.orElseThrow();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No " + method + " call matched within " + timeout + "; calls: " + summary());
		}
	}

	public Call awaitMessageTo(long chatId, Duration timeout) {
		return awaitCall("sendmessage", call -> call.chatId() == chatId, timeout);
	}

	/** Every call with its time, for failure messages. */
	public String summary() {
		StringBuilder summary = new StringBuilder();
		for (Call call : this.calls) {
			summary.append("\n  ").append(call.at()).append(' ').append(call.method()).append(' ').append(call.body());
		}
		return summary.toString();
	}

	/**
	 * Waits until the bot has sent {@code count} texts to a chat; on timeout, the failure
	 * lists every call.
	 */
	public List<String> awaitTextsTo(long chatId, int count, Duration timeout) {
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> textsSentTo(chatId).size() >= count);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Expected " + count + " texts to " + chatId + " within " + timeout + " but got "
					+ textsSentTo(chatId).size() + "; calls:" + summary());
		}
		return textsSentTo(chatId);
	}

	// --- serving

	private MockResponse handle(RecordedRequest request) {
		String path = request.getPath() == null ? "" : request.getPath();
		String[] segments = path.split("/");
		String token = segments.length > 1 ? segments[1].replaceFirst("^bot", "") : "";
		String method = segments.length > 2 ? segments[segments.length - 1].toLowerCase(Locale.ROOT) : "";
		JsonNode body = parse(request.getHeader("Content-Type"), request.getBody().readUtf8());
		Instant at = Instant.now();
		Deque<Fault> forChat = this.faultsByChat.get(method + "@" + body.path("chat_id").asLong());
		Fault fault = forChat != null && !forChat.isEmpty() ? forChat.poll() : nextFault(method);
		if (fault == null && this.blockedChats.contains(body.path("chat_id").asLong()) && method.startsWith("send")) {
			fault = Fault.forbidden();
		}
		if (fault == null && "html".equalsIgnoreCase(body.path("parse_mode").asText())
				&& !validHtml(body.has("text") ? body.path("text").asText() : body.path("caption").asText())) {
			fault = new Fault.Status(400,
					"{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities\"}");
		}
		boolean answersNormally = fault == null || fault instanceof Fault.Delay || fault instanceof Fault.SlowBody;
		if (!answersNormally) {
			this.calls.add(new Call(method, token, body, at, false, 0));
			return faulty(fault);
		}
		MockResponse response;
		try {
			JsonNode result = answer(method, body);
			this.calls.add(new Call(method, token, body, at, true, result.path("message_id").asInt(0)));
			response = ok(result);
		}
		catch (UnknownMethod ex) {
			this.calls.add(new Call(method, token, body, at, false, 0));
			response = json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
		}
		if (fault instanceof Fault.Delay delay) {
			response.setHeadersDelay(delay.delay().toMillis(), TimeUnit.MILLISECONDS);
		}
		if (fault instanceof Fault.SlowBody) {
			response.throttleBody(16, 1, TimeUnit.SECONDS);
		}
		return response;
	}

	private Fault nextFault(String method) {
		Fault all = this.everyCall;
		if (all != null) {
			return all;
		}
		Deque<Fault> queue = this.faults.get(method);
		return queue == null ? null : queue.poll();
	}

	/**
	 * Telegram's HTML rules: only its tags, and every &, < and > that is not markup
	 * escaped.
	 */
	static boolean validHtml(String text) {
		Matcher tags = Pattern.compile("<(/?)([a-z-]+)[^>]*>").matcher(text);
		Deque<String> open = new java.util.ArrayDeque<>();
		int at = 0;
		while (tags.find()) {
			if (text.substring(at, tags.start()).contains("<") || text.substring(at, tags.start()).contains(">")) {
				return false;
			}
			String name = tags.group(2);
			if (!TELEGRAM_TAGS.contains(name)) {
				return false;
			}
			if (tags.group(1).isEmpty()) {
				open.push(name);
			}
			else if (open.isEmpty() || !open.pop().equals(name)) {
				return false;
			}
			at = tags.end();
		}
		String rest = text.substring(at);
		if (rest.contains("<") || rest.contains(">") || !open.isEmpty()) {
			return false;
		}
		return !Pattern.compile("&(?!(amp|lt|gt|quot|#\\d+);)").matcher(text).find();
	}

	private static MockResponse faulty(Fault fault) {
		if (fault instanceof Fault.Status status) {
			return json(status.code(), status.body());
		}
		if (fault instanceof Fault.Disconnect) {
			return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
		}
		return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
	}

	private JsonNode answer(String method, JsonNode body) {
		return switch (method) {
			case "getupdates" -> getUpdates(body);
			case "getme" -> botUser();
			case "deletewebhook", "answercallbackquery", "setmycommands", "sendchataction", "deletemessage",
					"leavechat", "editmessagereplymarkup" ->
				JSON.getNodeFactory().booleanNode(true);
			case "sendmessage", "forwardmessage", "sendphoto", "senddocument", "sendvoice", "sendaudio", "sendvideo",
					"sendsticker", "sendanimation", "sendvideonote" ->
				sentMessage(body);
			case "editmessagetext" -> editedMessage(body);
			case "copymessage" -> {
				ObjectNode id = JSON.createObjectNode();
				id.put("message_id", nextMessageId(body.path("chat_id").asLong()));
				yield id;
			}
			case "createforumtopic" -> {
				ObjectNode topic = JSON.createObjectNode();
				topic.put("message_thread_id", this.threadIds.incrementAndGet());
				topic.put("name", body.path("name").asText());
				topic.put("icon_color", 7322096);
				yield topic;
			}
			case "getchatmember" -> {
				ObjectNode member = JSON.createObjectNode();
				member.put("status", "administrator");
				member.set("user", user(body.path("user_id").asLong(), "ru"));
				yield member;
			}
			default -> throw new UnknownMethod(method);
		};
	}

	private JsonNode getUpdates(JsonNode body) {
		long offset = body.path("offset").asLong(0);
		int timeoutSeconds = body.path("timeout").asInt(0);
		int limit = body.path("limit").asInt(100);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		synchronized (this.updatesLock) {
			if (this.replayNextBatch && !this.lastBatch.isEmpty()) {
				this.replayNextBatch = false;
				ArrayNode replay = JSON.createArrayNode();
				this.lastBatch.forEach(replay::add);
				this.updateBatchesDelivered.incrementAndGet();
				return replay;
			}
			if (offset > 0) {
				this.pendingUpdates.removeIf(update -> update.path("update_id").asLong() < offset);
				this.confirmedBelow.accumulateAndGet(offset, Math::max);
			}
			while (this.pendingUpdates.isEmpty() && !this.closed) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					break;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.updatesLock, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			ArrayNode batch = JSON.createArrayNode();
			List<ObjectNode> delivered = new ArrayList<>();
			for (ObjectNode update : this.pendingUpdates) {
				if (delivered.size() >= limit) {
					break;
				}
				batch.add(update);
				delivered.add(update);
			}
			if (!delivered.isEmpty()) {
				this.lastBatch = delivered;
				this.updateBatchesDelivered.incrementAndGet();
			}
			return batch;
		}
	}

	private JsonNode sentMessage(JsonNode body) {
		long chatId = body.path("chat_id").asLong();
		ObjectNode message = JSON.createObjectNode();
		message.put("message_id", nextMessageId(chatId));
		message.put("date", now());
		message.set("chat", chatId < 0 ? group(chatId) : privateChat(chatId));
		message.set("from", botUser());
		if (body.has("text")) {
			message.put("text", body.path("text").asText());
		}
		if (body.has("message_thread_id")) {
			message.put("message_thread_id", body.path("message_thread_id").asInt());
			message.put("is_topic_message", true);
		}
		return message;
	}

	private JsonNode editedMessage(JsonNode body) {
		long chatId = body.path("chat_id").asLong();
		ObjectNode message = JSON.createObjectNode();
		message.put("message_id", body.path("message_id").asInt());
		message.put("date", now());
		message.set("chat", chatId < 0 ? group(chatId) : privateChat(chatId));
		message.put("text", body.path("text").asText());
		return message;
	}

	private int nextMessageId(long chatId) {
		return this.messageIds.computeIfAbsent(chatId, id -> new AtomicInteger(100)).incrementAndGet();
	}

	private ObjectNode message(long chatIdOrUser, ObjectNode chat, ObjectNode from) {
		ObjectNode message = JSON.createObjectNode();
		message.put("message_id", nextMessageId(chat.path("id").asLong()));
		message.put("date", now());
		message.set("chat", chat);
		message.set("from", from);
		return message;
	}

	private static ObjectNode privateChat(long userId) {
		ObjectNode chat = JSON.createObjectNode();
		chat.put("id", userId);
		chat.put("type", "private");
		chat.put("first_name", "Test");
		return chat;
	}

	private static ObjectNode group(long chatId) {
		ObjectNode chat = JSON.createObjectNode();
		chat.put("id", chatId);
		chat.put("type", "supergroup");
		chat.put("title", "Staff");
		return chat;
	}

	private static ObjectNode user(long userId, String languageCode) {
		ObjectNode user = JSON.createObjectNode();
		user.put("id", userId);
		user.put("is_bot", false);
		user.put("first_name", "Firstname" + userId);
		user.put("username", "username" + userId);
		if (languageCode != null) {
			user.put("language_code", languageCode);
		}
		return user;
	}

	private static ObjectNode botUser() {
		ObjectNode bot = JSON.createObjectNode();
		bot.put("id", BOT_ID);
		bot.put("is_bot", true);
		bot.put("first_name", "Haqqim");
		bot.put("username", "haqqim_test_bot");
		return bot;
	}

	private static MockResponse ok(JsonNode result) {
		ObjectNode envelope = JSON.createObjectNode();
		envelope.put("ok", true);
		envelope.set("result", result);
		return json(200, envelope.toString());
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
	}

	private static JsonNode parse(String contentType, String body) {
		if (contentType != null && contentType.startsWith("multipart/form-data")) {
			return parseMultipart(contentType, body);
		}
		try {
			return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
		}
		catch (IOException ex) {
			return JSON.createObjectNode();
		}
	}

	/**
	 * Media methods arrive as multipart forms; their fields become a JSON object here.
	 */
	private static JsonNode parseMultipart(String contentType, String body) {
		ObjectNode fields = JSON.createObjectNode();
		String boundary = "--" + contentType.replaceFirst(".*boundary=", "").replace("\"", "");
		for (String part : body.split(Pattern.quote(boundary))) {
			Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part);
			int valueStart = part.indexOf("\r\n\r\n");
			if (name.find() && valueStart >= 0) {
				fields.put(name.group(1), part.substring(valueStart + 4).replaceFirst("\r\n$", ""));
			}
		}
		return fields;
	}

	private static int now() {
		return (int) Instant.now().getEpochSecond();
	}

	private static final class UnknownMethod extends RuntimeException {

		UnknownMethod(String method) {
			super("method not found: " + method);
		}

	}

}
