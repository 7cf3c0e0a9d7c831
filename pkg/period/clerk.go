package period

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
	"golang.org/x/text/unicode/norm"
)

var (
	looseRe = regexp.MustCompile(`^(quý|quy|tháng|thang|tuần|tuan)\s*(?:thứ\s*)?([0-9]{1,2}|i{1,3}|iv)\s*[/ ]\s*(?:năm\s*)?([0-9]{4})$`)
	yearRe  = regexp.MustCompile(`^(?:năm|nam)\s*([0-9]{4})$`)
)

// ParseClerk accepts the canonical forms and a clerk's "quý 3/2026", "Quý III/2026", "tháng 7/2026", "tuần
// 27/2026", "năm 2027". Every command that takes a period reads it through this function (Flags, Arg). What
// it cannot read is refused with the forms it accepts, canonical and the clerk's.
func ParseClerk(s string) (Period, error) {
	p, err := parseClerk(s)
	var e *i18n.Error
	if err != nil && errors.As(err, &e) && e.Key == "period.invalid" {
		return Period{}, i18n.Errorf("period.invalid_clerk", strings.TrimSpace(s))
	}
	return p, err
}

func parseClerk(s string) (Period, error) {
	if p, err := Parse(s); err == nil {
		return p, nil
	}
	low := strings.ToLower(strings.TrimSpace(norm.NFC.String(s)))
	if m := yearRe.FindStringSubmatch(low); m != nil {
		return Parse(m[1])
	}
	m := looseRe.FindStringSubmatch(low)
	if m == nil {
		return Parse(s)
	}
	n, err := strconv.Atoi(m[2])
	if err != nil {
		n = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4}[m[2]]
	}
	switch m[1] {
	case "quý", "quy":
		return Parse(fmt.Sprintf("%s-Q%d", m[3], n))
	case "tháng", "thang":
		return Parse(fmt.Sprintf("%s-%02d", m[3], n))
	}
	return Parse(fmt.Sprintf("%s-W%02d", m[3], n))
}
