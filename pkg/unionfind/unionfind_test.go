package unionfind

import "testing"

func TestSets(t *testing.T) {
	s := New(6)
	s.Union(0, 1)
	s.Union(2, 1)
	s.Union(4, 5)
	same := func(i, j int) bool { return s.Find(i) == s.Find(j) }
	if !same(0, 2) || !same(4, 5) {
		t.Error("joined items in different sets")
	}
	if same(0, 3) || same(3, 4) || same(2, 5) {
		t.Error("items never joined share a set")
	}
}
