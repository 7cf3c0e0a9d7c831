package petition

import (
	"fmt"
	"testing"

	"github.com/coordvn/coord/pkg/record"
)

// BenchmarkDuplicates: the duplicate groups of 30,000 petitions (ten years of a large province), one person
// in ten writing to two or three offices about one matter.
func BenchmarkDuplicates(b *testing.B) {
	key := []byte("k")
	offices := []string{"VPTU", "VPDBHD", "VPUBND"}
	var all []Entry
	for i := 0; len(all) < 30000; i++ {
		idx, _ := BlindIndex(key, Identity{Name: fmt.Sprintf("Người %d", i), IDNumber: fmt.Sprintf("%012d", i)})
		n := 1
		if i%10 == 0 {
			n = 2 + i%2
		}
		for k := 0; k < n; k++ {
			all = append(all, Entry{Path: fmt.Sprint(len(all)), P: &record.Petition{
				ID: fmt.Sprintf("%s-2026-%06d", offices[k], len(all)), Office: offices[(i+k)%3], Received: "2026-07-01",
				Subject: fmt.Sprintf("Khiếu nại việc bồi thường khi thu hồi đất thửa số %d tại xã Long Thành", i), PetitionerIndex: idx}})
		}
	}
	b.ResetTimer()
	for range b.N {
		if g := Duplicates(all); len(g) < 2000 {
			b.Fatalf("%d groups", len(g))
		}
	}
}
