package loaders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// months maps German month names and their abbreviations, folded to lower case, to numbers.
var months = map[string]int{
	"januar": 1, "jänner": 1, "jan": 1, "jän": 1,
	"februar": 2, "feber": 2, "feb": 2, "febr": 2,
	"märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
	"april": 4, "apr": 4,
	"mai":  5,
	"juni": 6, "jun": 6,
	"juli": 7, "jul": 7,
	"august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10,
	"november": 11, "nov": 11,
	"dezember": 12, "dez": 12,
}

const monthAlt = `januar|jänner|jan|jän|februar|feber|febr|feb|märz|maerz|mär|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez`

const weekdayAlt = `(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\.?`

// datePattern matches a date in one of the forms ParseDate reads; the year of a numeric date
// may be followed by digits the page glued to it ("20.05.20216 Minuten").
var datePattern = regexp.MustCompile(
	`(\d{4})-(\d{1,2})-(\d{1,2})` + // ISO
		`|(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})` + // 22.07.2021, 22.7.21
		`|(\d{1,2})\.\s?(?i:(` + monthAlt + `))\b\.?\s*(\d{4})`) // 22. Juli 2021, 3. Sept. 2020

// dateMatch is a date found in a text, by byte offsets.
type dateMatch struct {
	start, end int
	date       string // YYYY-MM-DD
}

// findDates returns the valid dates in s, in order.
func findDates(s string) []dateMatch {
	var out []dateMatch
	for _, m := range datePattern.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:m[0]])
			if unicode.IsDigit(prev) || prev == '.' || prev == '-' {
				continue
			}
		}
		group := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		var y, mo, d string
		switch {
		case group(1) != "":
			y, mo, d = group(1), group(2), group(3)
			if m[1] < len(s) && s[m[1]] >= '0' && s[m[1]] <= '9' {
				continue
			}
		case group(4) != "":
			d, mo, y = group(4), group(5), group(6)
			if len(y) == 2 && m[1] < len(s) && s[m[1]] >= '0' && s[m[1]] <= '9' {
				continue
			}
		default:
			d, y = group(7), group(9)
			mo = strconv.Itoa(months[strings.ToLower(group(8))])
		}
		if date, ok := makeDate(y, mo, d); ok {
			out = append(out, dateMatch{start: m[0], end: m[1], date: date})
		}
	}
	return out
}

// makeDate returns the date YYYY-MM-DD of the given numbers, and whether it exists. A
// two-digit year is of this century below 70 and of the last one from 70 on.
func makeDate(year, month, day string) (string, bool) {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	d, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil {
		return "", false
	}
	if len(year) == 2 {
		if y < 70 {
			y += 2000
		} else {
			y += 1900
		}
	}
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false // 31. Juni
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

var (
	weekdayPrefix = regexp.MustCompile(`^` + weekdayAlt + `,?\s+`)
	timeSuffix    = regexp.MustCompile(`^(?:,?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:Uhr)?|T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)
)

// ParseDate reads a German date and returns it as YYYY-MM-DD. It reads "22. Juli 2021",
// "3. Sept. 2020", "09.12.2020", "9.12.20" (years 00–69 are 2000–2069), "2021-07-22",
// optionally after a weekday ("Donnerstag, 22. Juli 2021") or before a time of day
// ("22.07.2021, 14:30 Uhr", "2021-07-22T10:00:00+02:00"). ok is false when s is not exactly
// one such date or the date does not exist.
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(weekdayPrefix.ReplaceAllString(strings.TrimSpace(s), ""))
	d, end, ok := dateAt(s)
	if !ok || !timeSuffix.MatchString(s[end:]) {
		return "", false
	}
	return d, true
}

// dateAt reads the date at the start of s, after spaces, and returns it with its end offset.
func dateAt(s string) (string, int, bool) {
	trimmed := strings.TrimLeft(s, " ")
	dates := findDates(trimmed)
	if len(dates) == 0 || dates[0].start != 0 {
		return "", 0, false
	}
	return dates[0].date, dates[0].end + len(s) - len(trimmed), true
}

var (
	dateLabel   = regexp.MustCompile(`(?i)((erschienen|veröffentlicht|publiziert|erstellt)\s+am|(datum|stand|veröffentlicht|veröffentlichung|veröffentlichungsdatum|publikationsdatum|datum der veröffentlichung)\s*:|(^|\s)(pressemitteilung|presseinformation|pressemeldung|medieninformation|mitteilung|pm|nr\.)(\s*(nr\.)?\s*[\w/.\-]+)?\s+vom)\s*(` + weekdayAlt + `,?\s*)?$`)
	labelVom    = regexp.MustCompile(`^\s*\p{Lu}\p{L}*(\s+Nr\.\s*\S+)?\s+vom\s*$`)
	weekdayEnd  = regexp.MustCompile(`\b` + weekdayAlt + `,?\s*(den\s+)?$`)
	weekdayOnly = regexp.MustCompile(`^\s*` + weekdayAlt + `,?\s*(den\s+)?$`)
	placeLine   = regexp.MustCompile(`^\p{Lu}[\p{L}\p{M}./\- ]{1,40},\s*(den\s+)?(` + weekdayAlt + `,?\s*)?$`)
	datelineEnd = regexp.MustCompile(`^\s*(\(\w+\)\s*)?([–—-]|:|\.\s|,|$)`)
	// preposition are the words before an event date: "am 1. August", "bis 3. Mai".
	preposition = setOf("am", "vom", "bis", "zum", "zur", "seit", "ab", "im", "zwischen", "und", "bzw", "oder", "den", "nach", "vor", "für", "ende", "anfang", "mitte")
	// placeStop are the first words of a phrase before a comma that is no place name.
	placeStop = setOf("Am", "Vom", "Bis", "Seit", "Ab", "Zum", "Im", "Bereits", "Schon")
)

// dateLine looks for a publication date in a line of the head of a release. It returns the
// date, whether to use it, whether the line is metadata to drop from the body, and the line
// with a bracketed date at its start removed. A date on a line of its own after a weekday is
// returned but not to be used: it may be the day a site prints for today.
func dateLine(text string) (date string, use, drop bool, rest string) {
	rest = text
	// A publication date stands at the start of its line, or after a short label or place.
	head := text
	if len(head) > 300 {
		head = strings.ToValidUTF8(head[:300], "")
	}
	dates := findDates(head)
	if len(dates) == 0 {
		return "", false, false, rest
	}
	m := dates[0]
	before, after := text[:m.start], text[m.end:]
	leftover := utf8.RuneCountInString(strings.TrimSpace(before)) + utf8.RuneCountInString(strings.TrimSpace(after))
	switch {
	case dateLabel.MatchString(before):
		return m.date, true, utf8.RuneCountInString(strings.TrimSpace(after)) <= 15, rest
	case strings.TrimSpace(before) == "[" && strings.HasPrefix(after, "]"):
		rest = strings.TrimSpace(after[1:])
		return m.date, true, rest == "", rest
	case weekdayOnly.MatchString(before):
		// The day a site prints for today, above the headline; returned unused.
		return m.date, false, utf8.RuneCountInString(text) <= 60, rest
	case placeLine.MatchString(before) && datelineEnd.MatchString(after) && !placeStop[firstWord(before)]:
		return m.date, true, strings.TrimSpace(after) == "", rest
	}
	if labelVom.MatchString(before) && strings.TrimSpace(after) == "" {
		return m.date, true, true, rest // "Meldung vom 22.07.2021"
	}
	if utf8.RuneCountInString(text) > 80 || leftover > 40 || endsSentence(text) {
		return "", false, false, rest
	}
	if weekdayEnd.MatchString(before) {
		return "", false, false, rest // "am Dienstag, 4. April 2023": an event
	}
	for _, w := range strings.Fields(before) {
		if preposition[strings.ToLower(strings.Trim(w, ",.:"))] {
			return "", false, false, rest
		}
	}
	return m.date, true, true, rest
}

// firstWord returns the first word of s.
func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return strings.TrimRight(f[0], ",")
	}
	return ""
}
