package loaders

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when ok is false
	}{
		{"22. Juli 2021", "2021-07-22"},
		{"9. Dezember 2020", "2020-12-09"},
		{"03. April 2019", "2019-04-03"},
		{"1. Januar 2022", "2022-01-01"},
		{"3. Sept. 2020", "2020-09-03"},
		{"3. Sep 2020", "2020-09-03"},
		{"17. März 2023", "2023-03-17"},
		{"17. Maerz 2023", "2023-03-17"},
		{"5. Jänner 2019", "2019-01-05"},
		{"18.September 2019", "2019-09-18"},
		{"22. juli 2021", "2021-07-22"},
		{"09.12.2020", "2020-12-09"},
		{"9.12.2020", "2020-12-09"},
		{"17.3.2023", "2023-03-17"},
		{"22.7.21", "2021-07-22"},
		{"22.7.99", "1999-07-22"},
		{"2021-07-22", "2021-07-22"},
		{"2024-03-28T10:15:00+01:00", "2024-03-28"},
		{"2024-03-28T10:15:00Z", "2024-03-28"},
		{"Donnerstag, 22. Juli 2021", "2021-07-22"},
		{"Mo., 1.12.2025", "2025-12-01"},
		{"03. April 2019, 17:04 Uhr", "2019-04-03"},
		{"  22.07.2021  ", "2021-07-22"},
		{"29. Februar 2024", "2024-02-29"},
		{"29. Februar 2023", ""},
		{"31. Juni 2021", ""},
		{"32.01.2021", ""},
		{"22.13.2021", ""},
		{"Juli 2021", ""},
		{"22. Juli", ""},
		{"am 22. Juli 2021", ""},
		{"22. Juli 2021 in Berlin", ""},
		{"13.14 bis 13.14 Uhr", ""},
		{"2021-07-22-01", ""},
		{"", ""},
		{"1.1.1850", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.want != "")
		}
	}
}

// TestDateLine checks which lines at the top of a release state its publication date.
func TestDateLine(t *testing.T) {
	tests := []struct {
		line string
		date string // the date used, "" for none
		drop bool   // the line is metadata, not body text
		rest string // the line kept in the body
	}{
		{"11. Dezember 2020", "2020-12-11", true, "11. Dezember 2020"},
		{"17.3.2023", "2023-03-17", true, "17.3.2023"},
		{"31.01.2018 14:14 Alter: 19 Tag(e)", "2018-01-31", true, "31.01.2018 14:14 Alter: 19 Tag(e)"},
		{"Harald Beispiel22. Juni 2023", "2023-06-22", true, "Harald Beispiel22. Juni 2023"},
		{"20.05.20216 Minuten11", "2021-05-20", true, "20.05.20216 Minuten11"},
		{"Typ: Meldung , Datum: 02.12.2019", "2019-12-02", true, "Typ: Meldung , Datum: 02.12.2019"},
		{"Pressemitteilung vom 3. Mai 2021", "2021-05-03", true, "Pressemitteilung vom 3. Mai 2021"},
		{"[25.02.2019] Damit die Kommunen nicht allein sind, gibt es einen Pakt.", "2019-02-25", false, "Damit die Kommunen nicht allein sind, gibt es einen Pakt."},
		{"Saarbrücken, 19. Dezember 2025 – Der neue Pakt ist unterzeichnet.", "2025-12-19", false, "Saarbrücken, 19. Dezember 2025 – Der neue Pakt ist unterzeichnet."},
		{"Neckarsulm/Hamburg, 14. September 2020 – Dataport vergibt einen Auftrag.", "2020-09-14", false, "Neckarsulm/Hamburg, 14. September 2020 – Dataport vergibt einen Auftrag."},
		{"Sonntag, 19. Oktober 2025", "", true, "Sonntag, 19. Oktober 2025"},
		{"Nr. 145/2021 vom 22.07.2021", "2021-07-22", true, "Nr. 145/2021 vom 22.07.2021"},
		{"Erstellt am 22.07.2021", "2021-07-22", true, "Erstellt am 22.07.2021"},
		{"München, den 22. Juli 2021", "2021-07-22", true, "München, den 22. Juli 2021"},
		{"Berlin, 22.07.2021", "2021-07-22", true, "Berlin, 22.07.2021"},
		{"22.07.2021 | Pressemitteilung | Digitales", "2021-07-22", true, "22.07.2021 | Pressemitteilung | Digitales"},
		{"Pressemitteilung vom 22. Juli 2021: Bayern tritt der Genossenschaft bei", "2021-07-22", false, "Pressemitteilung vom 22. Juli 2021: Bayern tritt der Genossenschaft bei"},
		{"1. Treffen des Lenkungsgremiums am 1. August 2018", "", false, "1. Treffen des Lenkungsgremiums am 1. August 2018"},
		{"Auf einer Kabinettssitzung am 29. Mai 2018 beschlossen die Länder eine Kooperation.", "", false, "Auf einer Kabinettssitzung am 29. Mai 2018 beschlossen die Länder eine Kooperation."},
		{"Am Mittwoch, 1. Juli 2025 – die Feier beginnt", "", false, "Am Mittwoch, 1. Juli 2025 – die Feier beginnt"},
		{"Seit 1. Januar 2020", "", false, "Seit 1. Januar 2020"},
		{"Keine Zahl hier", "", false, "Keine Zahl hier"},
	}
	for _, tt := range tests {
		date, use, drop, rest := dateLine(tt.line)
		if !use {
			date = ""
		}
		if date != tt.date || drop != tt.drop || rest != tt.rest {
			t.Errorf("dateLine(%q) = %q, drop %v, %q; want %q, drop %v, %q", tt.line, date, drop, rest, tt.date, tt.drop, tt.rest)
		}
	}
}
