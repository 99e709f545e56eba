package org.haqqim.telegram;

import java.io.IOException;
import java.io.InputStream;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.haqqim.transport.ChatType;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.MediaKind;
import org.haqqim.transport.Origin;
import org.haqqim.transport.UpdateBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram's updates, as real JSON, mapped to our events; names and usernames never cross
 * the edge.
 */
class UpdateMapperTests {

	private final UpdateMapper mapper = new UpdateMapper();

	@Test
	void textMessageKeepsIdsAndLanguageButNoNames() {
		InboundEvent event = map("text-message");
		assertThat(event).isInstanceOf(InboundEvent.Text.class);
		InboundEvent.Text text = (InboundEvent.Text) event;
		assertThat(text.text()).isEqualTo("pasportimni olib qoydi");
		assertThat(text.origin().updateId()).isEqualTo(501);
		assertThat(text.origin().chatId()).isEqualTo(4242);
		assertThat(text.origin().chatType()).isEqualTo(ChatType.PRIVATE);
		assertThat(text.origin().languageCode()).isEqualTo("uz");
		assertThat(JsonMapper.builder().findAndAddModules().build().valueToTree(event).toString()).doesNotContain("Ali",
				"ali_x");
	}

	@Test
	void messageInAForumTopicIsNotAReplyToTheTopicOpening() {
		InboundEvent event = map("message-in-forum-topic");
		assertThat(event.origin().threadId()).isEqualTo(9);
		assertThat(event.origin().replyToMessageId()).isNull();
	}

	@Test
	void replyToABotMessageCarriesTheRepliedId() {
		InboundEvent event = map("reply-to-bot-message");
		assertThat(event.origin().replyToMessageId()).isEqualTo(40);
		assertThat(event.origin().threadId()).isNull();
		assertThat(event.origin().chatType()).isEqualTo(ChatType.SUPERGROUP);
	}

	@Test
	void anonymousAdminIsRecognised() {
		assertThat(map("anonymous-admin").origin().anonymousAdmin()).isTrue();
		assertThat(map("reply-to-bot-message").origin().anonymousAdmin()).isFalse();
	}

	@Test
	void photoKeepsTheLargestSizeAndTheCaption() {
		InboundEvent.Media media = (InboundEvent.Media) map("photo-with-caption");
		assertThat(media.kind()).isEqualTo(MediaKind.PHOTO);
		assertThat(media.fileId()).isEqualTo("large");
		assertThat(media.caption()).isEqualTo("my passport");
	}

	@Test
	void buttonOnAnInaccessibleMessageHasNoMessageId() {
		InboundEvent.ButtonPress press = (InboundEvent.ButtonPress) map("button-on-inaccessible-message");
		assertThat(press.data()).isEqualTo("t:detention");
		assertThat(press.callbackId()).isEqualTo("cbq-1");
		assertThat(press.origin().messageId()).isNull();
		assertThat(press.origin().chatId()).isEqualTo(4242);
	}

	@Test
	void sharedContactKnowsWhetherItIsTheSendersOwn() {
		InboundEvent.Contact contact = (InboundEvent.Contact) map("shared-contact");
		assertThat(contact.phoneNumber()).isEqualTo("+79001234567");
		assertThat(contact.own()).isTrue();
	}

	@Test
	void migratedGroupAndBotMembershipAreEvents() {
		assertThat(map("group-migrated"))
			.isEqualTo(new InboundEvent.ChatMigrated(map("group-migrated").origin(), -1009998887776L));
		InboundEvent.Membership membership = (InboundEvent.Membership) map("bot-added-to-group");
		assertThat(membership.botIsMember()).isTrue();
		assertThat(membership.origin().chatId()).isEqualTo(-100777);
	}

	@Test
	void anythingElseIsUnsupportedAndStillHasItsUpdateId() {
		InboundEvent event = map("inline-query");
		assertThat(event).isInstanceOf(InboundEvent.Unsupported.class);
		assertThat(event.origin().updateId()).isEqualTo(510);
	}

	@Test
	void anUpdateThatCannotBeReadBecomesUnsupportedInsteadOfThrowing() {
		Update broken = new Update();
		broken.setUpdateId(511);
		broken.setMessage(new Message());
		assertThat(this.mapper.map(broken)).isInstanceOf(InboundEvent.Unsupported.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "chat-without-type", "user-without-first-name", "field-of-wrong-type" })
	void anUpdateTheLibraryCannotParseIsKeptAsItCameAndConfirmedWithTheOthers(String scenario) {
		JsonNode unreadable = tree(scenario);
		UpdateBatch batch = this.mapper.read(List.of(tree("text-message"), unreadable), 501);
		assertThat(batch.events()).extracting(event -> event.origin().updateId()).containsExactly(501L);
		assertThat(batch.unreadable()).singleElement().satisfies(update -> {
			assertThat(update.updateId()).isEqualTo(unreadable.path("update_id").asLong());
			assertThat(update.chatId()).isEqualTo(unreadable.path("message").path("chat").path("id").asLong());
			assertThat(update.raw()).isEqualTo(unreadable.toString());
			assertThat(update.reason()).contains("message")
				.doesNotContain(unreadable.path("message").path("text").asText(), "twelve", "Ali");
		});
		assertThat(batch.nextOffset()).isEqualTo(unreadable.path("update_id").asLong() + 1);
	}

	@Test
	void aNulInAMessageIsDroppedBeforeAnythingCanStoreIt() {
		InboundEvent.Text text = (InboundEvent.Text) map("text-with-nul");
		assertThat(text.text()).isEqualTo("urib qoyishdi");
	}

	@Test
	void aLoneHalfOfASurrogatePairIsShownAsTheReplacementCharacterAndPairsStay() {
		InboundEvent.Text text = new InboundEvent.Text(Origin.privateMessage(1, 2, 3, "ru"),
				"помогите \uD83D 🙏 \uDE4F\u0000!");
		assertThat(text.text()).isEqualTo("помогите \uFFFD 🙏 \uFFFD!");
	}

	private JsonNode tree(String scenario) {
		try (InputStream json = getClass().getResourceAsStream("updates/" + scenario + ".json")) {
			return new ObjectMapper().readTree(json);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Fixture " + scenario + " could not be read", ex);
		}
	}

	private InboundEvent map(String scenario) {
		try {
			return this.mapper.map(new ObjectMapper().treeToValue(tree(scenario), Update.class));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Fixture " + scenario + " is not an update", ex);
		}
	}

}
