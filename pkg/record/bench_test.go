package record_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/coordvn/coord/pkg/record"
)

// bigProgramme is one office's quarter programme of n items, in the shape clerks write.
func bigProgramme(n int) []byte {
	var b strings.Builder
	b.WriteString("kind: programme\noffice: VPUBND\nperiod: 2026-Q3\nitems:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - id: muc-%05d\n    title: Sự kiện số %d của Văn phòng UBND tỉnh\n    when: 2026-%02d-%02d 08:00-11:30\n    kind: meeting\n    bodies: [UBND]\n    place: hoi-truong-ubnd\n    chair: [lanh-dao-%03d]\n    attendees: [lanh-dao-%03d, lanh-dao-%03d]\n",
			i, i, 7+i%3, 1+i%28, i%300, (i+1)%300, (i+2)%300)
	}
	return []byte(b.String())
}

// BenchmarkDecodeProgramme decodes (parse, checks, schema, Go values) one programme of 3,334 items: a third
// of the 10,000-item quarter the README's benchmarks measure.
func BenchmarkDecodeProgramme(b *testing.B) {
	data := bigProgramme(3334)
	v, err := record.NewValidator()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := record.Decode("programmes/2026/Q3/VPUBND.yaml", data, v)
		if !f.Clean {
			b.Fatal(f.Problems)
		}
	}
}

func BenchmarkDecodeProgrammeNoSchema(b *testing.B) {
	data := bigProgramme(3334)
	for i := 0; i < b.N; i++ {
		record.Decode("programmes/2026/Q3/VPUBND.yaml", data, nil)
	}
}
