package rules

import (
	"strconv"

	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/petition"
	"github.com/coordvn/coord/pkg/record"
	"go.yaml.in/yaml/v3"
)

// petitionPlaintextRule: nothing in a petition lets a reader of the shared repo learn who the petitioner
// is. An identity field holds a well-formed age ciphertext (ENC[age,…] whose content parses as an age file
// with a recipient; CI has no key, so it checks the form, not who can read it), and no text of the petition
// — subject, history notes, any other value, a comment — holds what looks like a citizen ID or a phone
// number. The finding names the field and never the value. It reads the YAML tree, so a petition that fails
// its schema is still checked (a leak is a leak whatever else is wrong).
var _ = register(Rule{ID: "petition/plaintext", Across: AcrossNone, Severity: finding.Error,
	Keys:  []string{"rule.plaintext.empty", "rule.plaintext.plain", "rule.plaintext.fields", "rule.plaintext.fake", "rule.plaintext.broken", "rule.plaintext.why.base64", "rule.plaintext.why.header", "rule.plaintext.why.no_recipient", "rule.plaintext.why.recipient", "rule.plaintext.why.payload", "rule.number.field", "rule.number.key", "rule.number.comment", "rule.number.id", "rule.number.phone", "rule.number.both", "rule.plaintext.local", "rule.plaintext.missing"},
	Check: petitionPlaintext})

// identityFields are the fields of a petition that hold a person's identity, sealed.
var identityFields = map[string]bool{"petitioner": true}

func petitionPlaintext(c *Context, out Out) {
	for _, f := range c.Repo.Files {
		if f.Kind != record.KindPetition || f.Root == nil || !c.Wants(f.Path) {
			continue
		}
		subject := "petition:" + petitionID(f)
		emit := func(n *yaml.Node, msg i18n.Msg) {
			out.Emit(finding.Finding{
				Pos: finding.Pos{File: f.Path, Line: n.Line, Column: n.Column}, Msg: msg, Subject: subject})
		}
		root := f.Root
		// A denunciation's identity stays out of the shared repo when coord.yaml says so (secrecy); else it
		// is sealed here like every other.
		denunciation := false
		if t := record.ValueOf(root, "type"); t != nil && t.Kind == yaml.ScalarNode && t.Value == petition.Denunciation {
			denunciation = true
			if n := record.ValueOf(root, "petitioner"); (n == nil || n.Tag == "!!null") && !petition.KeptOnPC(t.Value, &c.Repo.Settings) {
				emit(t, i18n.M("rule.plaintext.missing"))
			}
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			if identityFields[k.Value] {
				if denunciation && petition.KeptOnPC(petition.Denunciation, &c.Repo.Settings) && v.Tag != "!!null" {
					emit(v, i18n.M("rule.plaintext.local", k.Value))
				} else if msg, bad := sealedProblem(k.Value, v); bad {
					emit(v, msg)
				}
				scanComments(k, emit)
				scanComments(v, emit)
				continue
			}
			if k.Value == "petitioner_index" && v.Kind == yaml.ScalarNode && petition.WellFormedIndex(v.Value) {
				scanComments(k, emit)
				scanComments(v, emit)
				continue
			}
			scanText(k, nil, emit)
			scanText(v, append(make([]string, 0, 8), k.Value), emit)
		}
		scanComments(root, emit)
		if f.Doc != nil {
			scanComments(f.Doc, emit)
		}
	}
}

// petitionID is the petition's id as written, else "" (the subject is then "petition:").
func petitionID(f *record.File) string {
	if n := record.ValueOf(f.Root, "id"); n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

// sealedProblem is the finding's message when an identity field's value is not a well-formed sealed value.
func sealedProblem(field string, v *yaml.Node) (i18n.Msg, bool) {
	if v.Kind != yaml.ScalarNode {
		return i18n.M("rule.plaintext.fields", field), true
	}
	if v.Tag == "!!null" {
		return i18n.Msg{}, false // an empty key is absent: the schema reports the required field
	}
	_, err := petition.ParseSealed(v.Value)
	if err == nil {
		return i18n.Msg{}, false
	}
	e, _ := err.(*petition.Error)
	var p petition.Problem
	if e != nil {
		p = e.Problem
	}
	switch p {
	case petition.Empty:
		return i18n.M("rule.plaintext.empty", field), true
	case petition.Plain:
		return i18n.M("rule.plaintext.plain", field), true
	case petition.NotAge:
		return i18n.M("rule.plaintext.fake", field), true
	case petition.Base64:
		return i18n.M("rule.plaintext.broken", field, i18n.M("rule.plaintext.why.base64")), true
	case petition.NoRecipient:
		return i18n.M("rule.plaintext.broken", field, i18n.M("rule.plaintext.why.no_recipient")), true
	case petition.Recipient:
		return i18n.M("rule.plaintext.broken", field, i18n.M("rule.plaintext.why.recipient")), true
	case petition.Payload:
		return i18n.M("rule.plaintext.broken", field, i18n.M("rule.plaintext.why.payload")), true
	}
	return i18n.M("rule.plaintext.broken", field, i18n.M("rule.plaintext.why.header")), true
}

// scanText reports the scalars under n (at path) that hold an ID or phone number: one finding per field,
// on the field, naming what the numbers look like. path is spelt out only for a finding, and never kept: the
// fields below n are appended to it in place.
func scanText(n *yaml.Node, path []string, emit func(*yaml.Node, i18n.Msg)) {
	switch n.Kind {
	case yaml.ScalarNode:
		if what, ok := numbersIn(n.Value); ok {
			if len(path) == 0 {
				emit(n, i18n.M("rule.number.key", what))
			} else {
				emit(n, i18n.M("rule.number.field", record.FieldPath(path), what))
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			scanText(k, nil, emit)
			scanText(v, append(path, k.Value), emit)
		}
	case yaml.SequenceNode:
		for i, x := range n.Content {
			scanText(x, append(path, strconv.Itoa(i)), emit)
		}
	}
	scanComments(n, emit)
}

// scanComments reports a comment attached to n (above it, on its line, below it) that holds a number.
func scanComments(n *yaml.Node, emit func(*yaml.Node, i18n.Msg)) {
	for _, text := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		if what, ok := numbersIn(text); ok {
			at := n
			if n.Kind == yaml.DocumentNode {
				at = &yaml.Node{Line: 1, Column: 1}
			}
			emit(at, i18n.M("rule.number.comment", what))
		}
	}
}

// numbersIn says what the personal numbers in text look like: an ID number, a phone number, or both.
func numbersIn(text string) (i18n.Msg, bool) {
	id, phone := false, false
	for _, n := range petition.FindNumbers(text) {
		switch n.Kind {
		case petition.IDNumber:
			id = true
		case petition.PhoneNumber:
			phone = true
		}
	}
	switch {
	case id && phone:
		return i18n.M("rule.number.both"), true
	case id:
		return i18n.M("rule.number.id"), true
	case phone:
		return i18n.M("rule.number.phone"), true
	}
	return i18n.Msg{}, false
}
