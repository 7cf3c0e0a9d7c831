package record

import (
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The fast schema check: the subset of JSON Schema draft 2020-12 that coord's schemas use, evaluated on the
// YAML tree directly, with the same reading of the tree as ToJSON (an empty key is absent, dates are strings).
// Most records are valid, and for them it answers "valid" without the JSON conversion and the general
// validator (a third of the cost of decoding a large programme). It answers in three values: valid, invalid,
// or unsure (a float, a keyword it does not implement); anything but "valid" goes to the general validator,
// which writes the findings. So it can only make coord faster, never change a finding: FuzzFastSchema
// checks that whenever it is sure, it agrees with the general validator.

type tri uint8

const (
	triValid tri = iota
	triInvalid
	triUnsure
)

// and folds one keyword's answer into a schema's: one sure failure fails it.
func and(acc, r tri) tri {
	if acc == triInvalid || r == triInvalid {
		return triInvalid
	}
	if acc == triUnsure || r == triUnsure {
		return triUnsure
	}
	return triValid
}

// jkind is what ToJSON makes of a node.
type jkind uint8

const (
	jUnsure jkind = iota // a float or an integer beyond int64: a number the fast check does not compare
	jNull
	jBool
	jInt
	jString
	jObject
	jArray
)

type fastSchema struct {
	always    tri // for the boolean schemas true and false, and for an unsupported schema (unsure)
	isBool    bool
	types     []string
	ref       *fastSchema
	refPtr    string
	props     map[string]*fastSchema
	addl      *fastSchema // nil: any additional property is allowed
	required  []string
	depReq    map[string][]string
	propNames *fastSchema
	items     *fastSchema
	minItems  int
	minLength int
	pattern   *regexp.Regexp
	enum      []any // string, float64, bool, nil
	hasConst  bool
	constV    any
	min, max  *float64
	allOf     []*fastSchema
	oneOf     []*fastSchema
	ifS       *fastSchema
	thenS     *fastSchema
	elseS     *fastSchema
}

// annotations are keywords that never make an instance invalid (format is an annotation in draft 2020-12
// unless assertions are switched on, and coord's compiler does not switch them on).
var annotations = map[string]bool{"$schema": true, "$id": true, "$defs": true, "$comment": true, "title": true,
	"description": true, "examples": true, "default": true, "format": true, "deprecated": true, "readOnly": true, "writeOnly": true}

// compileFast compiles a schema document (as encoding/json decodes it) for the fast check. It never fails:
// what it cannot read becomes "unsure".
func compileFast(doc any) *fastSchema {
	seen := map[string]*fastSchema{}
	root := compileFastAt(doc, doc, "#", seen)
	return root
}

func unsure() *fastSchema { return &fastSchema{always: triUnsure, isBool: true} }

func compileFastAt(doc, v any, ptr string, seen map[string]*fastSchema) *fastSchema {
	if s, ok := seen[ptr]; ok {
		return s
	}
	switch b := v.(type) {
	case bool:
		s := &fastSchema{isBool: true, always: triInvalid}
		if b {
			s.always = triValid
		}
		seen[ptr] = s
		return s
	case map[string]any:
		s := &fastSchema{minItems: -1, minLength: -1}
		seen[ptr] = s
		if !s.fill(doc, b, ptr, seen) {
			*s = *unsure()
		}
		return s
	}
	s := unsure()
	seen[ptr] = s
	return s
}

// fill reads the keywords of one schema object; false when one is not supported.
func (s *fastSchema) fill(doc any, m map[string]any, ptr string, seen map[string]*fastSchema) bool {
	sub := func(v any, p string) *fastSchema { return compileFastAt(doc, v, ptr+"/"+p, seen) }
	for k, v := range m {
		switch k {
		case "type":
			switch t := v.(type) {
			case string:
				s.types = []string{t}
			case []any:
				for _, x := range t {
					str, ok := x.(string)
					if !ok {
						return false
					}
					s.types = append(s.types, str)
				}
			default:
				return false
			}
		case "$ref":
			r, ok := v.(string)
			if !ok || !strings.HasPrefix(r, "#") {
				return false
			}
			target, ok := resolvePointer(doc, r)
			if !ok {
				return false
			}
			s.refPtr = r
			s.ref = compileFastAt(doc, target, r, seen)
		case "properties":
			pm, ok := v.(map[string]any)
			if !ok {
				return false
			}
			s.props = map[string]*fastSchema{}
			for name, ps := range pm {
				s.props[name] = sub(ps, "properties/"+escapePtr(name))
			}
		case "additionalProperties":
			s.addl = sub(v, k)
		case "required":
			arr, ok := v.([]any)
			if !ok {
				return false
			}
			for _, x := range arr {
				str, ok := x.(string)
				if !ok {
					return false
				}
				s.required = append(s.required, str)
			}
		case "dependentRequired":
			dm, ok := v.(map[string]any)
			if !ok {
				return false
			}
			s.depReq = map[string][]string{}
			for name, x := range dm {
				arr, ok := x.([]any)
				if !ok {
					return false
				}
				for _, y := range arr {
					str, ok := y.(string)
					if !ok {
						return false
					}
					s.depReq[name] = append(s.depReq[name], str)
				}
			}
		case "propertyNames":
			s.propNames = sub(v, k)
		case "items":
			s.items = sub(v, k)
		case "minItems", "minLength":
			f, ok := v.(float64)
			if !ok || f != math.Trunc(f) || f < 0 {
				return false
			}
			if k == "minItems" {
				s.minItems = int(f)
			} else {
				s.minLength = int(f)
			}
		case "pattern":
			str, ok := v.(string)
			if !ok {
				return false
			}
			re, err := regexp.Compile(str)
			if err != nil {
				return false
			}
			s.pattern = re
		case "enum":
			arr, ok := v.([]any)
			if !ok {
				return false
			}
			for _, x := range arr {
				if !scalarJSON(x) {
					return false
				}
			}
			s.enum = arr
		case "const":
			if !scalarJSON(v) {
				return false
			}
			s.hasConst, s.constV = true, v
		case "minimum", "maximum":
			f, ok := v.(float64)
			if !ok {
				return false
			}
			if k == "minimum" {
				s.min = &f
			} else {
				s.max = &f
			}
		case "allOf", "oneOf":
			arr, ok := v.([]any)
			if !ok {
				return false
			}
			for i, x := range arr {
				c := sub(x, k+"/"+itoa(i))
				if k == "allOf" {
					s.allOf = append(s.allOf, c)
				} else {
					s.oneOf = append(s.oneOf, c)
				}
			}
		case "if":
			s.ifS = sub(v, k)
		case "then":
			s.thenS = sub(v, k)
		case "else":
			s.elseS = sub(v, k)
		default:
			if !annotations[k] {
				return false
			}
		}
	}
	return true
}

func scalarJSON(v any) bool {
	switch v.(type) {
	case string, float64, bool, nil:
		return true
	}
	return false
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func escapePtr(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }

// resolvePointer follows a "#/a/b" reference inside doc.
func resolvePointer(doc any, ref string) (any, bool) {
	frag := strings.TrimPrefix(ref, "#")
	if frag == "" {
		return doc, true
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, false // an anchor: not used by coord's schemas
	}
	cur := doc
	for _, p := range strings.Split(frag[1:], "/") {
		p = strings.NewReplacer("~1", "/", "~0", "~").Replace(p)
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[p]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// classify reads a node as ToJSON does.
func classify(n *yaml.Node) (k jkind, i int64, b bool) {
	switch n.Kind {
	case yaml.MappingNode:
		return jObject, 0, false
	case yaml.SequenceNode:
		return jArray, 0, false
	case yaml.ScalarNode:
	default:
		return jUnsure, 0, false
	}
	switch n.ShortTag() {
	case "!!null":
		return jNull, 0, false
	case "!!bool":
		if n.Decode(&b) == nil {
			return jBool, 0, b
		}
	case "!!int":
		if n.Decode(&i) == nil {
			return jInt, i, false
		}
		var u uint64
		if n.Decode(&u) == nil {
			return jUnsure, 0, false
		}
	case "!!float":
		var x float64
		if n.Decode(&x) == nil && !isNaNOrInf(x) {
			return jUnsure, 0, false
		}
	}
	return jString, 0, false
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// check evaluates the schema on a node. The tree has passed File.walk (no aliases, no duplicate or complex keys).
func (s *fastSchema) check(n *yaml.Node) tri {
	if s.isBool {
		return s.always
	}
	k, iv, bv := classify(n)
	r := triValid
	step := func(x tri) bool {
		r = and(r, x)
		return r == triInvalid
	}
	if s.ref != nil && step(s.ref.check(n)) {
		return r
	}
	if len(s.types) > 0 && step(typeOK(s.types, k)) {
		return r
	}
	if s.enum != nil {
		res := triInvalid
		for _, e := range s.enum {
			if x := equalJSON(e, k, n, iv, bv); x != triInvalid {
				res = x
				if x == triValid {
					break
				}
			}
		}
		if step(res) {
			return r
		}
	}
	if s.hasConst && step(equalJSON(s.constV, k, n, iv, bv)) {
		return r
	}
	switch k {
	case jString:
		if s.minLength >= 0 && utf8.RuneCountInString(n.Value) < s.minLength && step(triInvalid) {
			return r
		}
		if s.pattern != nil && !s.pattern.MatchString(n.Value) && step(triInvalid) {
			return r
		}
	case jInt:
		if s.min != nil || s.max != nil {
			if iv > 1<<53 || iv < -(1<<53) {
				step(triUnsure)
			} else {
				x := float64(iv)
				if (s.min != nil && x < *s.min) || (s.max != nil && x > *s.max) {
					if step(triInvalid) {
						return r
					}
				}
			}
		}
	case jUnsure:
		if s.min != nil || s.max != nil {
			step(triUnsure)
		}
	case jArray:
		if s.minItems >= 0 && len(n.Content) < s.minItems && step(triInvalid) {
			return r
		}
		if s.items != nil {
			for _, c := range n.Content {
				if step(s.items.check(c)) {
					return r
				}
			}
		}
	case jObject:
		if step(s.checkObject(n)) {
			return r
		}
	}
	for _, a := range s.allOf {
		if step(a.check(n)) {
			return r
		}
	}
	if len(s.oneOf) > 0 {
		valid, unsureN := 0, 0
		for _, o := range s.oneOf {
			switch o.check(n) {
			case triValid:
				valid++
			case triUnsure:
				unsureN++
			}
		}
		switch {
		case unsureN > 0:
			step(triUnsure)
		case valid != 1:
			if step(triInvalid) {
				return r
			}
		}
	}
	if s.ifS != nil {
		var branch *fastSchema
		switch s.ifS.check(n) {
		case triValid:
			branch = s.thenS
		case triInvalid:
			branch = s.elseS
		default:
			step(triUnsure)
		}
		if branch != nil && step(branch.check(n)) {
			return r
		}
	}
	return r
}

func (s *fastSchema) checkObject(n *yaml.Node) tri {
	r := triValid
	has := func(name string) bool {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == name && !isNull(n.Content[i+1]) {
				return true
			}
		}
		return false
	}
	for _, req := range s.required {
		if !has(req) {
			return triInvalid
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			return triUnsure
		}
		if isNull(val) {
			continue // absent, as in ToJSON
		}
		if s.propNames != nil {
			keyNode := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key.Value}
			if r = and(r, s.propNames.check(keyNode)); r == triInvalid {
				return r
			}
		}
		if deps := s.depReq[key.Value]; deps != nil {
			for _, d := range deps {
				if !has(d) {
					return triInvalid
				}
			}
		}
		if ps, ok := s.props[key.Value]; ok {
			r = and(r, ps.check(val))
		} else if s.addl != nil {
			r = and(r, s.addl.check(val))
		}
		if r == triInvalid {
			return r
		}
	}
	return r
}

func typeOK(types []string, k jkind) tri {
	if k == jUnsure {
		for _, t := range types {
			if t == "number" {
				return triValid
			}
		}
		return triUnsure
	}
	for _, t := range types {
		switch {
		case t == "null" && k == jNull, t == "boolean" && k == jBool, t == "string" && k == jString,
			t == "object" && k == jObject, t == "array" && k == jArray, (t == "integer" || t == "number") && k == jInt:
			return triValid
		}
	}
	return triInvalid
}

// equalJSON compares a schema's scalar value with the instance.
func equalJSON(want any, k jkind, n *yaml.Node, iv int64, bv bool) tri {
	switch w := want.(type) {
	case string:
		if k == jUnsure {
			return triInvalid // a number is never a string
		}
		if k == jString && n.Value == w {
			return triValid
		}
	case bool:
		if k == jBool && bv == w {
			return triValid
		}
	case nil:
		if k == jNull {
			return triValid
		}
	case float64:
		switch k {
		case jUnsure:
			return triUnsure
		case jInt:
			if iv > 1<<53 || iv < -(1<<53) {
				return triUnsure
			}
			if float64(iv) == w {
				return triValid
			}
		}
	}
	return triInvalid
}
