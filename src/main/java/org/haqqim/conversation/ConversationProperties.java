package org.haqqim.conversation;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the conversation remembers people.
 *
 * @param settingsCached how many people's settings (language, citizenship) are kept in
 * memory in front of the database
 */
@Validated
@ConfigurationProperties("haqqim.conversation")
record ConversationProperties(@DefaultValue("50000") @Min(1) int settingsCached) {
}
