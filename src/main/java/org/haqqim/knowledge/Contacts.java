package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Offices migrants can turn to, and the cities they are in. */
public record Contacts(Map<String, City> cities, List<Office> offices) {

	/** Cities keep the order of the file, the order in which the bot offers them. */
	public Contacts {
		cities = Collections.unmodifiableMap(new LinkedHashMap<>(cities));
		offices = List.copyOf(offices);
	}

	public List<Office> ofCountry(Country country) {
		return this.offices.stream().filter(office -> office.country() == country).toList();
	}

	public Optional<Office> office(String id) {
		return this.offices.stream().filter(office -> office.id().equals(id)).findFirst();
	}

	public Optional<City> city(String id) {
		return Optional.ofNullable(this.cities.get(id));
	}

	/**
	 * The offices of a country, nearest to a point first, with their distance in
	 * kilometres.
	 */
	public List<Distanced> nearest(Country country, double latitude, double longitude) {
		return ofCountry(country).stream()
			.map(office -> new Distanced(office,
					city(office.city()).flatMap(City::coordinates)
						.map(point -> point.kilometresTo(latitude, longitude))
						.orElse(Double.MAX_VALUE)))
			.sorted(Comparator.comparingDouble(Distanced::kilometres))
			.toList();
	}

	/** The embassy of a country, to show when an office's own phone is not known. */
	public Optional<Office> embassy(Country country) {
		return ofCountry(country).stream()
			.filter(office -> office.kind() == OfficeKind.EMBASSY && !office.phones().isEmpty())
			.findFirst();
	}

	public record Distanced(Office office, double kilometres) {
	}

	public record City(String id, Optional<Coordinates> coordinates, Map<String, String> names) {

		public City {
			names = Map.copyOf(names);
		}

		public String name(String language) {
			return this.names.getOrDefault(language, this.id);
		}

	}

	public record Coordinates(double latitude, double longitude) {

		private static final double EARTH_RADIUS_KM = 6371.0;

		/** Great-circle distance, good enough to say which office is nearer. */
		public double kilometresTo(double otherLatitude, double otherLongitude) {
			double dLat = Math.toRadians(otherLatitude - this.latitude);
			double dLon = Math.toRadians(otherLongitude - this.longitude);
			double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(this.latitude))
					* Math.cos(Math.toRadians(otherLatitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
			return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
		}

	}

	public enum OfficeKind {

		EMBASSY, CONSULATE, MIGRATION_AGENCY, LABOUR_MINISTRY, EMERGENCY, NGO;

		public String id() {
			return name().toLowerCase().replace('_', '-');
		}

		static Optional<OfficeKind> parse(String id) {
			for (OfficeKind kind : values()) {
				if (kind.id().equals(id)) {
					return Optional.of(kind);
				}
			}
			return Optional.empty();
		}

	}

	public enum Reliability {

		CONFIRMED, SINGLE_SOURCE, WEAK;

		public String id() {
			return name().toLowerCase().replace('_', '-');
		}

		static Optional<Reliability> parse(String id) {
			for (Reliability reliability : values()) {
				if (reliability.id().equals(id)) {
					return Optional.of(reliability);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * Someone called the office or read its official site and found the entry right.
	 *
	 * @param by who checked
	 * @param how how: "called +7 499 …", "official site uzembassy.ru"
	 */
	public record Check(LocalDate date, String by, String how) {
	}

	/**
	 * An office. {@code phones} may be empty when no trustworthy number is known; the bot
	 * then shows the embassy's. Until someone has checked it, a person is told to call
	 * before going.
	 *
	 * @param checked the last check, or null when nobody has checked the entry
	 */
	public record Office(String id, Country country, OfficeKind kind, String city, Map<String, String> names,
			String address, List<String> phones, String email, String website, Map<String, String> hours, Source source,
			Reliability reliability, Check checked) {

		public Office {
			names = Map.copyOf(names);
			phones = List.copyOf(phones);
			hours = Map.copyOf(hours);
		}

		public String name(String language) {
			return this.names.getOrDefault(language, this.id);
		}

		public Optional<String> hours(String language) {
			return Optional.ofNullable(this.hours.get(language));
		}

		public Optional<Check> check() {
			return Optional.ofNullable(this.checked);
		}

	}

}
