/**
 * The exchange calendar: {@link dev.orb.core.calendar.NyseCalendar}, the NYSE's regular sessions, holidays and
 * early closes computed by rule for 2000–2099; {@link dev.orb.core.calendar.ListedCalendar}, a calendar from an
 * explicit list of sessions (a broker's); and {@link dev.orb.core.calendar.CalendarCrossCheck}, which finds the
 * days on which two calendars disagree.
 *
 * <p>Nothing in this package accepts or returns null. Every type is immutable and safe for concurrent use.
 * Times are America/New_York ({@link dev.orb.domain.MarketTime#NEW_YORK}).
 */
package dev.orb.core.calendar;
