package record

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Adjustment actions.
const (
	ActionMove = "move"
	ActionDrop = "drop"
	ActionKeep = "keep"
)

// Apply is an item as the coordinator's decision leaves it: a move takes the new time and, when it names
// one, the new place — whose locality is the new venue's, so the item's own locality is cleared for the
// reader to resolve from the venue; a drop says so; a keep changes nothing. Every command that shows or
// checks the programme after the decisions (merge, check, render, notify, issue) reads items through this
// one function, so they cannot disagree on where a moved item now stands. A nil adjustment is no decision.
func (a *Adjustment) Apply(it Item) (out Item, dropped bool) {
	if a == nil {
		return it, false
	}
	switch a.Action {
	case ActionDrop:
		return it, true
	case ActionMove:
		if a.When != "" {
			it.When = a.When
		}
		if a.Place != "" && a.Place != it.Place {
			it.Place, it.Locality = a.Place, ""
		}
	}
	return it, false
}

// ItemHash is the digest of a merged item's effective content: the item after the decision on it (a move
// or a drop), its offices, and the own time and place of the parts of a joint event that disagree. Origins'
// files and the sequence are not content. The consolidated record stores it; a source item whose hash no
// longer matches has changed since the merge (consolidated/stale).
func ItemHash(mi MergedItem, a *Adjustment) string {
	it, dropped := a.Apply(mi.Item)
	var parts []Origin
	for _, o := range mi.Origins {
		if o.When != "" || o.Place != "" {
			parts = append(parts, Origin{Item: o.Item, Office: o.Office, When: o.When, Place: o.Place})
		}
	}
	b, _ := json.Marshal(struct {
		Item    Item
		Offices []string
		Dropped bool     `json:",omitempty"`
		Parts   []Origin `json:",omitempty"`
	}{it, mi.Offices, dropped, parts})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
