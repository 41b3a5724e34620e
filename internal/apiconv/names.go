package apiconv

import (
	"go/token"
	"strings"
	"unicode"
)

// acronyms spell the words of wire names that Go writes in capitals.
var acronyms = map[string]string{
	"Id": "ID", "Ids": "IDs", "Url": "URL", "Urls": "URLs", "Json": "JSON",
	"Nlu": "NLU", "Tts": "TTS", "Asr": "ASR", "Sms": "SMS", "Api": "API",
	"Apis": "APIs", "Ip": "IP", "Ips": "IPs", "Http": "HTTP", "Https": "HTTPS",
	"Uuid": "UUID", "Ram": "RAM", "Ivr": "IVR", "Sip": "SIP", "Dn": "DN",
	"Md5": "MD5", "Cdr": "CDR", "Uid": "UID", "Rtc": "RTC", "Dtmf": "DTMF",
}

// words splits a wire or Go name at its case changes: JobGroupId →
// Job Group Id, TTSConfig → TTS Config. Digits stay with the word before
// them; characters that cannot be in a Go name separate words.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(i int) {
		if start >= 0 && i > start {
			out = append(out, string(rs[start:i]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// GoName is the Go spelling of a wire name: each word capitalised, the
// acronyms of the naming table in capitals (JobGroupId → JobGroupID,
// NluServiceType → NLUServiceType).
func GoName(wire string) string {
	var b strings.Builder
	for _, w := range words(wire) {
		if a, ok := acronyms[w]; ok {
			w = a
		} else if a, ok := acronyms[strings.ToUpper(w[:1])+strings.ToLower(w[1:])]; ok && w == strings.ToLower(w) {
			w = a // a lower-case word: "id", "url"
		}
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	name := b.String()
	if name == "" || !unicode.IsLetter([]rune(name)[0]) {
		name = "X" + name
	}
	return name
}

// exported reports whether name is a valid exported Go identifier.
func exported(name string) bool {
	return token.IsIdentifier(name) && token.IsExported(name)
}

// phrase is name as lower-case doc words, acronyms kept: JobGroupID →
// "job group ID".
func phrase(name string) string {
	ws := words(name)
	for i, w := range ws {
		if w != strings.ToUpper(w) || len(w) == 1 {
			ws[i] = strings.ToLower(w)
		}
	}
	return strings.Join(ws, " ")
}

// singular drops the plural ending of a name's last word: Scripts →
// Script, Strategies → Strategy, Statuses → Status.
func singular(name string) string {
	switch {
	case strings.HasSuffix(name, "IDs"):
		return strings.TrimSuffix(name, "s")
	case strings.HasSuffix(name, "ies") && len(name) > 4:
		return strings.TrimSuffix(name, "ies") + "y"
	case strings.HasSuffix(name, "sses"), strings.HasSuffix(name, "uses"), strings.HasSuffix(name, "xes"),
		strings.HasSuffix(name, "ches"), strings.HasSuffix(name, "shes"):
		return strings.TrimSuffix(name, "es")
	case strings.HasSuffix(name, "ss"), strings.HasSuffix(name, "us"), strings.HasSuffix(name, "is"),
		!strings.HasSuffix(name, "s"), len(name) < 3:
		return name
	}
	return strings.TrimSuffix(name, "s")
}

// plural adds the plural ending to a name's last word: Job → Jobs,
// Strategy → Strategies, Status → Statuses. A name already plural stays.
func plural(name string) string {
	if singular(name) != name {
		return name
	}
	for _, mass := range []string{"Data", "Info", "JSON", "String", "Text", "Content"} {
		if strings.HasSuffix(name, mass) {
			return name // a list of JSON texts is still "JobsJSON"
		}
	}
	switch {
	case strings.HasSuffix(name, "ID"):
		return name + "s"
	case strings.HasSuffix(name, "y") && len(name) > 1 && !strings.ContainsRune("aeiou", rune(name[len(name)-2])):
		return strings.TrimSuffix(name, "y") + "ies"
	case strings.HasSuffix(name, "s"), strings.HasSuffix(name, "x"), strings.HasSuffix(name, "ch"), strings.HasSuffix(name, "sh"):
		return name + "es"
	}
	return name + "s"
}

// isPlural reports whether a wire name reads as a list: Numbers, JobIds,
// TagList.
func isPlural(wire string) bool {
	return singular(wire) != wire || strings.HasSuffix(wire, "List") || strings.HasSuffix(wire, "Data")
}

// trimListWords drops the words that say "a list" or "JSON text" from a
// type name: ContactBlocklistList → ContactBlocklist, CaseListJson → Case.
func trimListWords(name string) string {
	for {
		t := name
		for _, suf := range []string{"JsonString", "Json", "JSON", "List"} {
			if len(t) > len(suf) {
				t = strings.TrimSuffix(t, suf)
			}
		}
		if t == name {
			return name
		}
		name = t
	}
}
