package org.haqqim.telegram;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.haqqim.transport.ChatType;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.MediaKind;
import org.junit.jupiter.api.Test;
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
		assertThat(new ObjectMapper().valueToTree(event).toString()).doesNotContain("Ali", "ali_x");
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

	private InboundEvent map(String scenario) {
		try (InputStream json = getClass().getResourceAsStream("updates/" + scenario + ".json")) {
			return this.mapper.map(new ObjectMapper().readValue(json, Update.class));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Fixture " + scenario + " could not be read", ex);
		}
	}

}
