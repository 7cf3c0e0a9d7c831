package petition

import (
	"cmp"
	"hash/fnv"
	"slices"
	"sort"
	"strings"

	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/unionfind"
	"github.com/coordvn/coord/pkg/vntext"
)

// WellFormedIndex reports whether s is a blind index of this scheme: "bi1:" and 64 lowercase hex digits
// (byte by byte: check asks it of every petition; TestWellFormedIndex holds it to the pattern).
func WellFormedIndex(s string) bool {
	h, ok := strings.CutPrefix(s, "bi1:")
	if !ok || len(h) != 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// stopwords are the syllables (after vntext.Key) that say nothing about what a petition is about: the
// petition types, the words of any request, and the administrative units that come before a place's name.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`khieu nai to cao kien nghi phan anh don de xuat yeu cau giai quyet
		ve viec cua tai va voi cac nhung mot cho trong khi da dang duoc bi co la the nay do theo den tu hoac
		nhu sau ra vao len nen vi tren duoi ngoai lai cung con chua khong xa phuong ap thon huyen tinh`) {
		m[w] = true
	}
	return m
}()

// SubjectTokens are the syllables of a subject that carry its meaning: folded as vntext.Key folds (case,
// diacritics, tone-mark placement, punctuation), minus the stopwords.
func SubjectTokens(subject string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(vntext.Key(subject)) {
		if !stopwords[w] {
			out[w] = true
		}
	}
	return out
}

// Similar reports whether two subjects are about the same matter: they share at least two meaningful
// syllables (SubjectTokens), and at least half of those of the shorter one. "Khiếu nại quyết định thu hồi
// đất và phương án bồi thường tại ấp 3, xã Long Thành" and "Khiếu nại việc bồi thường, hỗ trợ khi thu hồi đất
// tại ấp 3 xã Long Thành" share 9 of 11.
func Similar(a, b string) bool {
	ta, tb := SubjectTokens(a), SubjectTokens(b)
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	shared := 0
	for w := range ta {
		if tb[w] {
			shared++
		}
	}
	return shared >= 2 && 2*shared >= len(ta)
}

// Entry is a petition and where it lies in the repo.
type Entry struct {
	Path string
	P    *record.Petition
}

// Duplicates groups the petitions of one person on one matter received by several offices: petitions with
// the same well-formed blind index, linked when two of different offices have similar subjects (Similar),
// each group holding at least two offices. Nothing is decrypted. A group is sorted by date received, then
// id; the groups by their first petition.
func Duplicates(all []Entry) [][]Entry {
	byIndex := map[string][]Entry{}
	for _, e := range all {
		if e.P != nil && WellFormedIndex(e.P.PetitionerIndex) {
			byIndex[e.P.PetitionerIndex] = append(byIndex[e.P.PetitionerIndex], e)
		}
	}
	var groups [][]Entry
	for _, es := range byIndex {
		if len(es) < 2 {
			continue
		}
		sets := unionfind.New(len(es))
		for i := range es {
			for j := i + 1; j < len(es); j++ {
				if es[i].P.Office != es[j].P.Office && Similar(es[i].P.Subject, es[j].P.Subject) {
					sets.Union(i, j)
				}
			}
		}
		comps := map[int][]Entry{}
		for i := range es {
			comps[sets.Find(i)] = append(comps[sets.Find(i)], es[i])
		}
		for _, g := range comps {
			offices := map[string]bool{}
			for _, e := range g {
				offices[e.P.Office] = true
			}
			if len(offices) < 2 {
				continue
			}
			sort.Slice(g, func(i, j int) bool { return before(g[i], g[j]) })
			groups = append(groups, g)
		}
	}
	sort.Slice(groups, func(i, j int) bool { return before(groups[i][0], groups[j][0]) })
	return groups
}

func before(a, b Entry) bool {
	if a.P.Received != b.P.Received {
		return a.P.Received < b.P.Received
	}
	return a.P.ID < b.P.ID
}

// IndexSet is what a reader of many petitions keeps of each to find, at the end, those Duplicates can group: a
// hash of its blind index, its office and its path — some 60 bytes a petition, not the record (coord check,
// which reads the petitions year by year).
type IndexSet struct {
	entries []indexed
	paths   []byte // the entries' paths, one after the other
	offices map[string]uint16
}

type indexed struct {
	index      uint64 // FNV-1a of the index: two that collide are only read again, and compared in full
	start, end uint32 // the path, in paths
	office     uint16
}

// Add keeps the petition p at path when its blind index is well formed (Duplicates groups no other).
func (s *IndexSet) Add(path string, p *record.Petition) {
	if !WellFormedIndex(p.PetitionerIndex) {
		return
	}
	if s.offices == nil {
		s.offices = map[string]uint16{}
	}
	o, ok := s.offices[p.Office]
	if !ok {
		o = uint16(len(s.offices))
		s.offices[strings.Clone(p.Office)] = o
	}
	h := fnv.New64a()
	h.Write([]byte(p.PetitionerIndex))
	start := uint32(len(s.paths))
	s.paths = append(s.paths, path...)
	s.entries = append(s.entries, indexed{index: h.Sum64(), start: start, end: uint32(len(s.paths)), office: o})
}

// Shared are the paths of the petitions whose index (by its hash) is found at two offices or more, sorted: every
// petition a group of Duplicates can hold, since a group spans two offices at least. The set is spent: it is
// sorted in place.
func (s *IndexSet) Shared() []string {
	slices.SortFunc(s.entries, func(a, b indexed) int {
		if c := cmp.Compare(a.index, b.index); c != 0 {
			return c
		}
		return cmp.Compare(a.office, b.office)
	})
	var out []string
	for i := 0; i < len(s.entries); {
		j := i + 1
		for j < len(s.entries) && s.entries[j].index == s.entries[i].index {
			j++
		}
		if s.entries[i].office != s.entries[j-1].office { // sorted by office: two offices or more
			for _, e := range s.entries[i:j] {
				out = append(out, string(s.paths[e.start:e.end]))
			}
		}
		i = j
	}
	sort.Strings(out)
	return out
}
