package org.haqqim.telegram;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log layout: every line, stack traces included, passes through
 * {@link TokenRedaction}.
 */
public class RedactingPatternLayout extends PatternLayout {

	@Override
	public String doLayout(ILoggingEvent event) {
		return TokenRedaction.redact(super.doLayout(event));
	}

}
