package org.haqqim.reports;

/** The short intake after consent, in order; every step can be skipped. */
enum IntakeStep {

	WHAT, CITY, WHEN, PHONE, LOCATION;

	IntakeStep next() {
		return this == LOCATION ? null : values()[ordinal() + 1];
	}

}
