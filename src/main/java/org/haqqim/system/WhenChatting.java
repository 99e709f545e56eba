package org.haqqim.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Marks the parts that exist only while the bot chats (on Telegram or in the console),
 * not when a maintainers' command such as {@code ./haqqim unanswered} starts the
 * application for a moment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${haqqim.mode:}' == 'telegram' or '${haqqim.mode:}' == 'console'")
public @interface WhenChatting {

}
