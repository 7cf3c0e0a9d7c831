package record_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coordvn/coord/pkg/record"
)

func TestScratch(t *testing.T) {
	v, _ := record.NewValidator()
	for _, s := range []string{
		"kind: programme\nitems: " + strings.Repeat("[", 1<<20),
		"kind: programme\nitems: " + strings.Repeat("{a: ", 1<<18),
		"kind: programme\nitems: " + strings.Repeat("- ", 1<<18) + "x\n",
		"kind: programme\nitems:\n" + strings.Repeat("&a [", 1<<10),
		"kind: programme\nitems: " + strings.Repeat("[", 64) + strings.Repeat("]", 64),
		"kind: programme\ntitle: " + strings.Repeat("Phiên họp ", 100000) + "\n",
		"kind: programme\n" + strings.Repeat("k: v\n", 1) + strings.Repeat("x", 2000) + ": v\n",
		"kind: programme\n" + strings.Repeat("\"a\": b\n", 1),
	} {
		t0 := time.Now()
		f := record.Decode("programmes/2026/Q4/VPUBND.yaml", []byte(s), v)
		p := fmt.Sprint(f.Problems)
		if len(p) > 300 {
			p = p[:300]
		}
		fmt.Printf("%d bytes %v: %s\n", len(s), time.Since(t0), p)
	}
}
