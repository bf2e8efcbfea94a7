package english

import (
	"strings"
	"time"
)

var (
	monthNames = map[string]time.Month{
		"january": time.January, "february": time.February, "march": time.March,
		"april": time.April, "may": time.May, "june": time.June, "july": time.July,
		"august": time.August, "september": time.September, "october": time.October,
		"november": time.November, "december": time.December,
	}
	monthAbbreviations = map[string]time.Month{
		"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
		"jun": time.June, "jul": time.July, "aug": time.August, "sep": time.September,
		"sept": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
	}
	weekdayNames = map[string]time.Weekday{
		"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
		"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
		"sunday": time.Sunday,
	}
	weekdayAbbreviations = map[string]time.Weekday{
		"mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday,
		"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
		"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
	}
)

// Month returns the month a full month name ("March", "march") names.
func Month(w string) (time.Month, bool) {
	m, ok := monthNames[strings.ToLower(w)]
	return m, ok
}

// MonthAbbreviation returns the month an abbreviation names: "Jan", "Jan.",
// "Sept." ("May" is a full name, not an abbreviation).
func MonthAbbreviation(w string) (time.Month, bool) {
	m, ok := monthAbbreviations[strings.ToLower(strings.TrimSuffix(w, "."))]
	return m, ok
}

// Weekday returns the day a full weekday name ("Friday", "friday") names.
func Weekday(w string) (time.Weekday, bool) {
	d, ok := weekdayNames[strings.ToLower(w)]
	return d, ok
}

// WeekdayAbbreviation returns the day an abbreviation names: "Fri",
// "Thurs.", "Tue".
func WeekdayAbbreviation(w string) (time.Weekday, bool) {
	d, ok := weekdayAbbreviations[strings.ToLower(strings.TrimSuffix(w, "."))]
	return d, ok
}

// IsCalendarWord reports whether w is a month or weekday name, in full or
// abbreviated.
func IsCalendarWord(w string) bool {
	if _, ok := Month(w); ok {
		return true
	}
	if _, ok := MonthAbbreviation(w); ok {
		return true
	}
	if _, ok := Weekday(w); ok {
		return true
	}
	_, ok := WeekdayAbbreviation(w)
	return ok
}
