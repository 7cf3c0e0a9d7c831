package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/schema"
)

const draft2020 = "https://json-schema.org/draft/2020-12/schema"

// goTypes maps each kind to the Go struct that is its format.
var goTypes = map[string]reflect.Type{
	record.KindSettings:     reflect.TypeFor[record.Settings](),
	record.KindOffices:      reflect.TypeFor[record.Offices](),
	record.KindPeople:       reflect.TypeFor[record.People](),
	record.KindPlaces:       reflect.TypeFor[record.Places](),
	record.KindHolidays:     reflect.TypeFor[record.Holidays](),
	record.KindProgramme:    reflect.TypeFor[record.Programme](),
	record.KindConsolidated: reflect.TypeFor[record.Consolidated](),
	record.KindConclusion:   reflect.TypeFor[record.Conclusion](),
	record.KindDocument:     reflect.TypeFor[record.Document](),
	record.KindPetition:     reflect.TypeFor[record.Petition](),
}

// freeMaps are the only objects whose keys are free (string -> value maps), by JSON pointer in the schema.
var freeMaps = map[string]bool{
	"settings#/properties/policy/properties/travel":            true,
	"settings#/properties/policy/properties/extra":             true,
	"places#/properties/localities/items/properties/travel_to": true,
}

// load returns the decoded schema document of a kind.
func load(t *testing.T, k string) map[string]any {
	t.Helper()
	raw, ok := schema.Raw(k)
	if !ok {
		t.Fatalf("no schema for kind %q", k)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: invalid JSON: %v", schema.FileName(k), err)
	}
	return doc
}

func TestNamesRawFS(t *testing.T) {
	var want []string
	for _, k := range record.Kinds {
		want = append(want, k+schema.Suffix)
	}
	sort.Strings(want)
	if got := schema.Names(); !slices.Equal(got, want) {
		t.Fatalf("schema.Names() = %v, want %v", got, want)
	}
	if !slices.IsSorted(schema.Names()) {
		t.Fatalf("schema.Names() not sorted")
	}
	if got := schema.Kinds(); len(got) != len(record.Kinds) {
		t.Fatalf("schema.Kinds() = %v, want the %d kinds of record.Kinds", got, len(record.Kinds))
	}
	for _, k := range record.Kinds {
		raw, ok := schema.Raw(k)
		if !ok || len(raw) == 0 {
			t.Fatalf("schema.Raw(%q) = _, %v", k, ok)
		}
		byName, ok := schema.Raw(k + schema.Suffix)
		if !ok || !bytes.Equal(raw, byName) {
			t.Errorf("schema.Raw(%q) differs from schema.Raw(%q)", k+schema.Suffix, k)
		}
		fromFS, err := fs.ReadFile(schema.FS(), k+schema.Suffix)
		if err != nil || !bytes.Equal(raw, fromFS) {
			t.Errorf("schema.FS() file %s differs from Raw: %v", k+schema.Suffix, err)
		}
		raw[0] = 'X' // the caller's copy; the next Raw must be untouched
		if again, _ := schema.Raw(k); again[0] != '{' {
			t.Errorf("schema.Raw(%q) returned shared bytes", k)
		}
	}
	for _, bad := range []string{"", "nope", "../programme", "programme/x", `a\b`, "programme.json"} {
		if _, ok := schema.Raw(bad); ok {
			t.Errorf("schema.Raw(%q) found a schema", bad)
		}
	}
}

func TestFilesWellFormed(t *testing.T) {
	for _, k := range record.Kinds {
		t.Run(k, func(t *testing.T) {
			raw, _ := schema.Raw(k)
			dec := json.NewDecoder(bytes.NewReader(raw))
			var doc map[string]any
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("invalid JSON: %v", err)
			}
			if dec.More() {
				t.Fatalf("trailing data after the JSON object")
			}
			if doc["$schema"] != draft2020 {
				t.Errorf("$schema = %v, want %s", doc["$schema"], draft2020)
			}
			if doc["$id"] != schema.ID(k) {
				t.Errorf("$id = %v, want %s", doc["$id"], schema.ID(k))
			}
			for _, key := range []string{"title", "description"} {
				s, _ := doc[key].(string)
				if !strings.Contains(s, " — ") {
					t.Errorf("%s %q: want Vietnamese — English", key, s)
				}
			}
			if doc["type"] != "object" || doc["additionalProperties"] != false {
				t.Errorf("top level must be a closed object")
			}
			props, _ := doc["properties"].(map[string]any)
			kp, _ := props["kind"].(map[string]any)
			if kp["const"] != k {
				t.Errorf("properties.kind.const = %v, want %q", kp["const"], k)
			}
			req, _ := doc["required"].([]any)
			if !slices.Contains(req, any("kind")) {
				t.Errorf("kind is not required")
			}
			refs := 0
			walkJSON(doc, "#", func(key string, v any, ptr string) {
				if key != "$ref" && key != "$dynamicRef" {
					return
				}
				refs++
				s, _ := v.(string)
				if !strings.HasPrefix(s, "#") {
					t.Errorf("%s: %s %q points outside the file", ptr, key, s)
					return
				}
				if _, err := pointer(doc, s); err != nil {
					t.Errorf("%s: %s %q: %v", ptr, key, s, err)
				}
			})
			if refs == 0 {
				t.Errorf("no $ref found: the walk is broken or the $defs are unused")
			}
		})
	}
}

func TestCompile(t *testing.T) {
	schemas, err := schema.Compile()
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	for _, k := range record.Kinds {
		if schemas[k] == nil {
			t.Errorf("Compile: no schema for %q", k)
		}
	}
	if len(schemas) != len(record.Kinds) {
		t.Errorf("Compile: %d schemas, want %d", len(schemas), len(record.Kinds))
	}
	// Each file compiles alone too, as an editor would use it.
	for _, k := range record.Kinds {
		c := schema.NewCompiler()
		raw, _ := schema.Raw(k)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource("file:///alone/"+schema.FileName(k), doc); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Compile("file:///alone/" + schema.FileName(k)); err != nil {
			t.Errorf("%s alone: %v", schema.FileName(k), err)
		}
	}
}

func TestCompilerRefusesRemote(t *testing.T) {
	c := schema.NewCompiler()
	doc := map[string]any{
		"$schema": draft2020,
		"$ref":    "https://example.invalid/other.schema.json",
	}
	if err := c.AddResource("https://coord.example/schema/remote.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	_, err := c.Compile("https://coord.example/schema/remote.schema.json")
	if err == nil {
		t.Fatal("compiling a remote $ref succeeded; want a refusal")
	}
	if !strings.Contains(err.Error(), schema.ErrRemote.Error()) {
		t.Fatalf("error %q does not come from the refusing loader", err)
	}
}

// TestStructure checks every object is closed, every property is described, and every required name exists.
func TestStructure(t *testing.T) {
	for _, k := range record.Kinds {
		t.Run(k, func(t *testing.T) {
			doc := load(t, k)
			walkSchema(doc, "#", func(node map[string]any, ptr string) {
				props, hasProps := node["properties"].(map[string]any)
				isObject := typeIncludes(node["type"], "object")
				if hasProps && isObject {
					if node["additionalProperties"] != false {
						t.Errorf("%s: object with properties must have additionalProperties: false", ptr)
					}
					for name, p := range props {
						pm, _ := p.(map[string]any)
						if d, _ := pm["description"].(string); strings.TrimSpace(d) == "" {
							t.Errorf("%s/properties/%s: no description", ptr, name)
						}
						if !hasType(doc, pm) {
							t.Errorf("%s/properties/%s: no type", ptr, name)
						}
					}
					checkRequiredNames(t, node, props, ptr)
				}
				if isObject && !hasProps {
					ap, ok := node["additionalProperties"].(map[string]any)
					if !ok || !freeMaps[k+ptr] {
						t.Errorf("%s: object without properties is not one of the allowed free maps (additionalProperties %v)", ptr, node["additionalProperties"])
					} else if !hasType(doc, ap) {
						t.Errorf("%s: free map values have no type", ptr)
					}
				}
			})
		})
	}
}

// checkRequiredNames fails when a `required` name (in the object or in its applicator branches) is not a property.
func checkRequiredNames(t *testing.T, node, props map[string]any, ptr string) {
	t.Helper()
	var check func(n map[string]any, where string)
	check = func(n map[string]any, where string) {
		req, _ := n["required"].([]any)
		for _, r := range req {
			if _, ok := props[r.(string)]; !ok {
				t.Errorf("%s: required %q is not a property", where, r)
			}
		}
		if dr, ok := n["dependentRequired"].(map[string]any); ok {
			for key, list := range dr {
				if _, ok := props[key]; !ok {
					t.Errorf("%s: dependentRequired %q is not a property", where, key)
				}
				for _, r := range list.([]any) {
					if _, ok := props[r.(string)]; !ok {
						t.Errorf("%s: dependentRequired %q is not a property", where, r)
					}
				}
			}
		}
		if ps, ok := n["properties"].(map[string]any); ok && where != ptr {
			for name := range ps {
				if _, ok := props[name]; !ok {
					t.Errorf("%s: condition on %q, not a property", where, name)
				}
			}
		}
		for _, kw := range []string{"oneOf", "anyOf", "allOf"} {
			list, _ := n[kw].([]any)
			for i, sub := range list {
				check(sub.(map[string]any), fmt.Sprintf("%s/%s/%d", where, kw, i))
			}
		}
		for _, kw := range []string{"if", "then", "else", "not"} {
			if sub, ok := n[kw].(map[string]any); ok {
				check(sub, where+"/"+kw)
			}
		}
	}
	check(node, ptr)
}

// TestMatchesGoStructs walks each Go struct alongside its schema: every yaml field has a property of a matching
// type and every property has a field, at every depth; required properties are fields without omitempty.
func TestMatchesGoStructs(t *testing.T) {
	if len(goTypes) != len(record.Kinds) {
		t.Fatalf("goTypes has %d kinds, record.Kinds %d", len(goTypes), len(record.Kinds))
	}
	for _, k := range record.Kinds {
		typ, ok := goTypes[k]
		if !ok {
			t.Fatalf("no Go type for kind %q", k)
		}
		t.Run(k, func(t *testing.T) {
			doc := load(t, k)
			w := &goWalker{t: t, root: doc}
			w.walk(typ, doc, "#")
			if w.structs == 0 {
				t.Fatalf("walked no struct")
			}
		})
	}
}

type goWalker struct {
	t       *testing.T
	root    map[string]any
	structs int
}

type yamlField struct {
	name      string
	typ       reflect.Type
	omitempty bool
}

// yamlFields lists the fields as yaml.v3 sees them: tag names, "-" skipped, ",inline" structs flattened.
func yamlFields(t reflect.Type) []yamlField {
	var out []yamlField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		optList := strings.Split(opts, ",")
		if slices.Contains(optList, "inline") {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			out = append(out, yamlFields(ft)...)
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out = append(out, yamlField{name: name, typ: f.Type, omitempty: slices.Contains(optList, "omitempty")})
	}
	return out
}

func (w *goWalker) get(node map[string]any, key string) (any, bool) {
	for range 16 {
		if v, ok := node[key]; ok {
			return v, true
		}
		ref, ok := node["$ref"].(string)
		if !ok {
			return nil, false
		}
		target, err := pointer(w.root, ref)
		if err != nil {
			w.t.Errorf("$ref %q: %v", ref, err)
			return nil, false
		}
		node, ok = target.(map[string]any)
		if !ok {
			return nil, false
		}
	}
	w.t.Errorf("$ref chain too long")
	return nil, false
}

func (w *goWalker) wantType(node map[string]any, ptr string, goT reflect.Type, want string) {
	typ, _ := w.get(node, "type")
	if !typeIncludes(typ, want) {
		w.t.Errorf("%s: Go %v needs schema type %q, schema has %v", ptr, goT, want, typ)
	}
}

func (w *goWalker) walk(t reflect.Type, node map[string]any, ptr string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if node == nil {
		w.t.Errorf("%s: no schema for Go %v", ptr, t)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		w.structs++
		w.wantType(node, ptr, t, "object")
		propsV, _ := w.get(node, "properties")
		props, _ := propsV.(map[string]any)
		if ap, _ := w.get(node, "additionalProperties"); ap != false {
			w.t.Errorf("%s: Go struct %v: schema must refuse unknown fields", ptr, t)
		}
		fields := yamlFields(t)
		seen := map[string]bool{}
		for _, f := range fields {
			if seen[f.name] {
				w.t.Errorf("%s: Go %v has field %q twice", ptr, t, f.name)
			}
			seen[f.name] = true
			p, ok := props[f.name].(map[string]any)
			if !ok {
				w.t.Errorf("%s: Go field %v.%s has no schema property", ptr, t, f.name)
				continue
			}
			w.walk(f.typ, p, ptr+"/properties/"+f.name)
		}
		for name := range props {
			if !seen[name] {
				w.t.Errorf("%s/properties/%s: schema property has no field in Go %v", ptr, name, t)
			}
		}
		reqV, _ := w.get(node, "required")
		req, _ := reqV.([]any)
		for _, r := range req {
			for _, f := range fields {
				if f.name == r && f.omitempty {
					w.t.Errorf("%s: %q is required but Go %v omits it when empty", ptr, r, t)
				}
			}
		}
	case reflect.Slice, reflect.Array:
		w.wantType(node, ptr, t, "array")
		items, _ := w.get(node, "items")
		im, ok := items.(map[string]any)
		if !ok {
			w.t.Errorf("%s: array without items schema", ptr)
			return
		}
		w.walk(t.Elem(), im, ptr+"/items")
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			w.t.Errorf("%s: Go map %v has non-string keys", ptr, t)
		}
		w.wantType(node, ptr, t, "object")
		if p, ok := w.get(node, "properties"); ok {
			w.t.Errorf("%s: Go map %v but schema lists properties %v", ptr, t, p)
		}
		ap, _ := w.get(node, "additionalProperties")
		am, ok := ap.(map[string]any)
		if !ok {
			w.t.Errorf("%s: Go map %v needs an additionalProperties schema, have %v", ptr, t, ap)
			return
		}
		w.walk(t.Elem(), am, ptr+"/additionalProperties")
	case reflect.String:
		w.wantType(node, ptr, t, "string")
	case reflect.Bool:
		w.wantType(node, ptr, t, "boolean")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.wantType(node, ptr, t, "integer")
	default:
		w.t.Errorf("%s: Go type %v not handled", ptr, t)
	}
}

// TestContract pins the required fields and enums that other packages and the clerks rely on.
func TestContract(t *testing.T) {
	required := []struct {
		kind, ptr string
		want      []string
	}{
		{"settings", "#", []string{"kind", "version", "province", "coordinator"}},
		{"offices", "#", []string{"kind", "bodies", "offices"}},
		{"people", "#", []string{"kind", "people"}},
		{"places", "#", []string{"kind", "localities", "venues"}},
		{"holidays", "#", []string{"kind", "days"}},
		{"holidays", "#/properties/days/items", []string{"name"}},
		{"programme", "#", []string{"kind", "office", "period", "items"}},
		{"programme", "#/$defs/item", []string{"id", "title", "when", "kind", "bodies"}},
		{"consolidated", "#", []string{"kind", "period", "status", "items"}},
		{"consolidated", "#/$defs/mergedItem", []string{"id", "title", "when", "kind", "bodies", "offices", "origins"}},
		{"consolidated", "#/$defs/origin", []string{"file", "item", "office"}},
		{"conclusion", "#", []string{"kind", "number", "office", "meeting", "issued"}},
		{"conclusion", "#/properties/meeting", []string{"date"}},
		{"conclusion", "#/properties/tasks/items", []string{"id", "owner", "content", "status"}},
		{"document", "#", []string{"kind", "number", "type", "date", "issuer", "summary"}},
		{"petition", "#", []string{"kind", "id", "office", "type", "received", "channel", "people", "subject", "status"}},
		{"petition", "#/else", []string{"petitioner"}}, // every type but to-cao (the if)
	}
	for _, c := range required {
		doc := load(t, c.kind)
		n, err := pointer(doc, c.ptr)
		if err != nil {
			t.Fatalf("%s%s: %v", c.kind, c.ptr, err)
		}
		got := stringList(n.(map[string]any)["required"])
		if !slices.Equal(sorted(got), sorted(c.want)) {
			t.Errorf("%s%s required = %v, want %v", c.kind, c.ptr, got, c.want)
		}
	}

	enums := []struct {
		kind, ptr string
		want      []any
	}{
		{"programme", "#/$defs/item/properties/kind", strs("meeting", "conference", "session", "field-trip", "reception", "liaison", "evaluation", "ceremony", "other")},
		{"consolidated", "#/$defs/mergedItem/properties/kind", strs("meeting", "conference", "session", "field-trip", "reception", "liaison", "evaluation", "ceremony", "other")},
		{"consolidated", "#/properties/status", strs("draft", "submitted", "approved", "issued")},
		{"consolidated", "#/properties/adjustments/items/properties/action", strs("move", "drop", "keep")},
		{"conclusion", "#/$defs/taskStatus", strs("open", "done", "cancelled")},
		{"petition", "#/$defs/petitionType", strs("khieu-nai", "to-cao", "kien-nghi", "phan-anh")},
		{"petition", "#/properties/channel", strs("truc-tiep", "buu-chinh", "chuyen-den", "truc-tuyen")},
		{"petition", "#/properties/status", strs("received", "accepted", "transferred", "resolved", "rejected", "withdrawn")},
		{"petition", "#/properties/history/items/properties/action", strs("received", "accepted", "transferred", "resolved", "rejected", "withdrawn", "extended")},
		{"petition", "#/properties/attempt", []any{1.0, 2.0}},
		{"people", "#/properties/people/items/properties/receives_citizens", strs("monthly")},
	}
	for _, c := range enums {
		doc := load(t, c.kind)
		n, err := pointer(doc, c.ptr)
		if err != nil {
			t.Fatalf("%s%s: %v", c.kind, c.ptr, err)
		}
		if got := n.(map[string]any)["enum"]; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s%s enum = %v, want %v", c.kind, c.ptr, got, c.want)
		}
	}
	// The item kinds of the schema are those of pkg/record.
	doc := load(t, "programme")
	n, _ := pointer(doc, "#/$defs/item/properties/kind")
	if got := stringList(n.(map[string]any)["enum"]); !slices.Equal(got, record.ItemKinds) {
		t.Errorf("item kinds %v, record.ItemKinds %v", got, record.ItemKinds)
	}
	// The consolidated items carry the same item properties as a programme's.
	item, _ := pointer(doc, "#/$defs/item/properties")
	cons := load(t, "consolidated")
	merged, _ := pointer(cons, "#/$defs/mergedItem/properties")
	for name, p := range item.(map[string]any) {
		mp := merged.(map[string]any)[name].(map[string]any)
		ip := p.(map[string]any)
		if name != "id" && !reflect.DeepEqual(ip, mp) {
			t.Errorf("mergedItem.%s differs from item.%s", name, name)
		}
	}
}

// ---- samples ----

// samples are valid records, one or more per kind, as JSON (numbers decode to json.Number, as from a file).
var samples = map[string][]string{
	"settings": {
		`{"kind": "settings", "version": 1, "province": "Đồng Nai", "coordinator": "VPTU"}`,
		`{"kind": "settings", "version": 1, "province": "Đồng Nai", "timezone": "Asia/Ho_Chi_Minh", "coordinator": "VPTU",
		  "host": {"rotation": ["VPTU", "VPDBHD", "VPUBND"], "first_year": 2024},
		  "policy": {
		    "sessions": {"morning": "07:30-11:30", "afternoon": "13:30-17:00", "evening": "19:00-21:00"},
		    "deadlines": {"year_month": 11, "year_day": 30, "quarter_day": 20, "month_day": 25, "week": "thursday 17:00"},
		    "petitions": [{"name": "khieu-nai-accept", "type": "khieu-nai", "step": "accept", "from": "received", "days": 10,
		                   "source": "Luật Khiếu nại 2011, Điều 27"},
		                  {"name": "kien-nghi-answer", "type": "kien-nghi", "step": "answer", "from": "received", "days": 10,
		                   "working_days": true, "source": "Luật Tiếp công dân 2013, Điều 28"}],
		    "party_terms": ["2020-10-15", "2025-10-01"],
		    "max_file_bytes": 1048576,
		    "travel": {"xa-long-thanh": 45},
		    "extra": {"ghi-chu": "tự do", "any key at all": "ok"}
		  }}`,
		`{"kind": "settings", "version": 1, "province": "Đồng Nai", "coordinator": "VPTU", "host": {}, "policy": {}}`,
	},
	"offices": {
		`{"kind": "offices",
		  "bodies": [{"code": "TT-TU", "name": "Thường trực Tỉnh ủy"}, {"code": "UBND", "name": "Ủy ban nhân dân tỉnh"}],
		  "offices": [{"code": "VPTU", "name": "Văn phòng Tỉnh ủy", "serves": ["TT-TU"],
		               "members": [{"name": "Lê Thu Hà", "email": "ha@vptu.example.vn"}],
		               "recipients": ["age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq"]},
		              {"code": "VPUBND", "name": "Văn phòng UBND tỉnh"}]}`,
		`{"kind": "offices", "bodies": [], "offices": []}`,
	},
	"people": {
		`{"kind": "people", "people": [
		   {"id": "tran-van-an", "name": "Trần Văn An",
		    "positions": [{"title": "Chủ tịch UBND tỉnh", "body": "UBND"}, {"title": "Phó Bí thư Tỉnh ủy", "body": "BTV-TU"}],
		    "receives_citizens": "monthly"},
		   {"id": "ngo-minh-duc", "name": "Ngô Minh Đức"}]}`,
	},
	"places": {
		`{"kind": "places",
		  "localities": [{"id": "phuong-tran-bien", "name": "Phường Trấn Biên"},
		                 {"id": "xa-long-thanh", "name": "Xã Long Thành", "aliases": ["Long Thành"], "remote": true, "travel": 60,
		                  "travel_to": {"phuong-tran-bien": 50}}],
		  "venues": [{"id": "hoi-truong-tinh-uy", "name": "Hội trường Tỉnh ủy", "locality": "phuong-tran-bien",
		              "aliases": ["Hội trường A Tỉnh ủy"], "capacity": 300}]}`,
	},
	"holidays": {
		`{"kind": "holidays",
		  "days": [{"date": "2026-01-01", "name": "Tết Dương lịch"}, {"from": "2026-02-14", "to": "2026-02-22", "name": "Tết Nguyên đán"}],
		  "workdays": [{"date": "2026-01-10", "name": "Làm bù"}, {"date": "2026-02-28"}]}`,
		`{"kind": "holidays", "days": []}`,
	},
	"programme": {
		`{"kind": "programme", "office": "VPUBND", "period": "2026-Q3", "late_reason": "",
		  "items": [{"id": "hop-ubnd-thang-7", "title": "Phiên họp UBND tỉnh thường kỳ tháng 7", "when": "2026-07-03 08:00-11:30",
		             "kind": "meeting", "bodies": ["UBND"], "place": "hoi-truong-ubnd", "locality": "phuong-tran-bien",
		             "chair": ["tran-van-an"], "attendees": ["ngo-minh-duc"], "joint": "giao-ban-q3", "tentative": false, "note": ""},
		            {"id": "tiep-cong-dan-thang-7", "title": "Tiếp công dân", "when": "2026-07", "kind": "reception", "bodies": ["UBND"]}]}`,
		`{"kind": "programme", "office": "VPTU", "period": 2026, "items": []}`,
		`{"kind": "programme", "office": "VPTU", "period": "2026-W27", "items": []}`,
		`{"kind": "programme", "office": "VPTU", "period": "2026-07", "items": []}`,
	},
	"consolidated": {
		`{"kind": "consolidated", "period": "2026-Q3", "coordinator": "VPTU", "status": "issued",
		  "decision": {"number": "45-QĐ/TU", "date": "2026-06-25", "by": "Thường trực Tỉnh ủy"}, "issued": "2026-06-26",
		  "sources": [{"file": "programmes/2026/Q3/VPTU.yaml", "office": "VPTU", "hash": "a1b2c3"}],
		  "items": [{"id": "giao-ban-q3", "title": "Giao ban quý III", "when": "2026-07-10 08:00-11:30", "kind": "liaison",
		             "bodies": ["TT-TU", "UBND"], "joint": "giao-ban-q3", "offices": ["VPTU", "VPUBND"],
		             "origins": [{"file": "programmes/2026/Q3/VPTU.yaml", "item": "giao-ban", "office": "VPTU"},
		                         {"file": "programmes/2026/Q3/VPUBND.yaml", "item": "giao-ban-q3", "office": "VPUBND"}],
		             "sequence": 2, "hash": "deadbeef"}],
		  "conflicts": [{"rule": "overlap/person", "severity": "error", "subject": "person:tran-van-an",
		                 "items": ["giao-ban-q3", "hop-ubnd"], "message": "Trùng lịch"}],
		  "adjustments": [{"item": "hop-ubnd", "action": "move", "when": "2026-07-11 08:00-11:30", "place": "hoi-truong-ubnd",
		                   "reason": "Trùng lịch", "by": "VPTU", "date": "2026-06-20"},
		                  {"item": "giao-ban-q3", "action": "keep", "reason": "Đã thống nhất"}]}`,
		`{"kind": "consolidated", "period": 2026, "status": "draft", "items": []}`,
	},
	"conclusion": {
		`{"kind": "conclusion", "number": "123-TB/TU", "office": "VPTU", "title": "Kết luận giao ban",
		  "meeting": {"date": "2026-06-18", "item": "programmes/2026/Q2/VPTU.yaml#giao-ban-cac-ban", "chair": "dang-van-phuc"},
		  "issued": "2026-06-20", "recipients": ["VPDBHD", "VPUBND"],
		  "tasks": [{"id": "de-an-sap-nhap", "owner": "BTC-TU", "content": "Hoàn thành đề án sáp nhập", "due": "2026-06-30",
		             "status": "open", "updates": [{"date": "2026-06-25", "by": "VPTU", "note": "Đã trình dự thảo", "status": "open"},
		                                           {"date": "2026-06-29", "by": "VPTU"}]},
		            {"id": "bao-cao", "owner": "VPUBND", "content": "Báo cáo", "status": "done"}]}`,
		`{"kind": "conclusion", "number": "5/TB-UBND", "office": "VPUBND", "meeting": {"date": "2026-06-18"}, "issued": "2026-06-19"}`,
	},
	"document": {
		`{"kind": "document", "number": "123-TB/TU", "type": "TB", "date": "2026-06-20", "issuer": "VPTU",
		  "summary": "Thông báo kết luận giao ban các ban đảng 6 tháng đầu năm", "recipients": ["VPDBHD", "VPUBND"],
		  "attachment": "documents/2026/VPTU/123-TB-TU.pdf"}`,
		`{"kind": "document", "number": "12/QĐ-UBND", "type": "QĐ", "date": "2026-01-05", "issuer": "UBND", "summary": ""}`,
	},
	"petition": {
		`{"kind": "petition", "id": "VPUBND-2026-000123", "office": "VPUBND", "type": "khieu-nai", "attempt": 2, "complex": true,
		  "received": "2026-07-03", "channel": "truc-tiep", "people": 1, "subject": "Tranh chấp đất đai tại ấp 3",
		  "locality": "xa-long-thanh", "petitioner": "ENC[age,YWdlLWVuY3J5cHRpb24=]", "petitioner_index": "bi1:9f3a",
		  "status": "transferred",
		  "history": [{"date": "2026-07-05", "action": "accepted", "by": "VPUBND", "note": ""},
		              {"date": "2026-07-20", "action": "extended", "by": "VPUBND"},
		              {"date": "2026-07-21", "action": "transferred", "by": "VPUBND", "to": "VPTU"}]}`,
		`{"kind": "petition", "id": "VPTU-2026-1", "office": "VPTU", "type": "to-cao", "received": "2026-07-03", "channel": "truc-tuyen",
		  "people": 12, "subject": "Tố cáo", "petitioner": "ENC[age,abc]", "status": "received"}`,
	},
}

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatalf("sample is not JSON: %v\n%s", err, s)
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("sample is not an object")
	}
	return m
}

func TestValidSamples(t *testing.T) {
	schemas, err := schema.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range record.Kinds {
		if len(samples[k]) == 0 {
			t.Errorf("no valid sample for %q", k)
		}
		for i, s := range samples[k] {
			if err := schemas[k].Validate(decode(t, s)); err != nil {
				t.Errorf("%s sample %d: %v", k, i, err)
			}
		}
	}
	// Go values as a YAML decoder yields them (int, []any) validate too.
	native := map[string]any{
		"kind": "petition", "id": "VPTU-2026-1", "office": "VPTU", "type": "phan-anh", "attempt": 1,
		"received": "2026-07-03", "channel": "buu-chinh", "people": 3, "subject": "Phản ánh",
		"petitioner": "ENC[age,x]", "status": "resolved",
		"history": []any{map[string]any{"date": "2026-07-04", "action": "resolved", "by": "VPTU"}},
	}
	if err := schemas["petition"].Validate(native); err != nil {
		t.Errorf("native petition: %v", err)
	}
	prog := map[string]any{"kind": "programme", "office": "VPTU", "period": 2026, "items": []any{}}
	if err := schemas["programme"].Validate(prog); err != nil {
		t.Errorf("native programme with integer period: %v", err)
	}
	// A sample of one kind is not a valid record of another.
	for _, k := range record.Kinds {
		for _, other := range record.Kinds {
			if other == k {
				continue
			}
			if err := schemas[other].Validate(decode(t, samples[k][0])); err == nil {
				t.Errorf("%s sample validates as %s", k, other)
			}
		}
	}
}

// invalid is one broken record: a valid sample, a change, and where the error must point.
type invalid struct {
	name   string
	kind   string
	sample int                    // index in samples[kind]
	change func(m map[string]any) // breaks the record
	at     string                 // expected instance location, JSON pointer
	want   jsonschema.ErrorKind   // expected error kind (type only)
	detail string                 // for Required/AdditionalProperties/DependentRequired: the property named
}

func set(path string, v any) func(map[string]any) {
	return func(m map[string]any) { setAt(m, path, v, false) }
}

func del(path string) func(map[string]any) {
	return func(m map[string]any) { setAt(m, path, nil, true) }
}

func setAt(root map[string]any, path string, v any, remove bool) {
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	var cur any = root
	for i, p := range parts {
		last := i == len(parts)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				if remove {
					delete(c, p)
				} else {
					c[p] = v
				}
				return
			}
			cur = c[p]
		case []any:
			n, err := strconv.Atoi(p)
			if err != nil || n >= len(c) {
				panic("bad path " + path)
			}
			if last {
				c[n] = v
				return
			}
			cur = c[n]
		default:
			panic("bad path " + path)
		}
	}
}

func num(s string) json.Number { return json.Number(s) }

var invalids = []invalid{
	// settings
	{"unknown top", "settings", 0, set("/provinces", "x"), "", &kind.AdditionalProperties{}, "provinces"},
	{"unknown nested", "settings", 1, set("/policy/sessions/noon", "12:00-13:00"), "/policy/sessions", &kind.AdditionalProperties{}, "noon"},
	{"unknown in petition limit", "settings", 1, set("/policy/petitions/0/remote_days", num("45")), "/policy/petitions/0", &kind.AdditionalProperties{}, "remote_days"},
	{"missing coordinator", "settings", 0, del("/coordinator"), "", &kind.Required{}, "coordinator"},
	{"missing version", "settings", 0, del("/version"), "", &kind.Required{}, "version"},
	{"version 2", "settings", 0, set("/version", num("2")), "/version", &kind.Const{}, ""},
	{"version string", "settings", 0, set("/version", "1"), "/version", &kind.Type{}, ""},
	{"wrong kind", "settings", 0, set("/kind", "programme"), "/kind", &kind.Const{}, ""},
	{"session pattern", "settings", 1, set("/policy/sessions/morning", "7:30-11:30"), "/policy/sessions/morning", &kind.Pattern{}, ""},
	{"party term date", "settings", 1, set("/policy/party_terms/1", "01/10/2025"), "/policy/party_terms/1", &kind.Pattern{}, ""},
	{"petition limit type", "settings", 1, set("/policy/petitions/0/type", "khieunai"), "/policy/petitions/0/type", &kind.Enum{}, ""},
	{"petition limit step", "settings", 1, set("/policy/petitions/1/step", "reply"), "/policy/petitions/1/step", &kind.Enum{}, ""},
	{"petition limit missing days", "settings", 1, del("/policy/petitions/1/days"), "/policy/petitions/1", &kind.Required{}, "days"},
	{"travel not integer", "settings", 1, set("/policy/travel/xa-long-thanh", "45 phút"), "/policy/travel/xa-long-thanh", &kind.Type{}, ""},
	{"extra not string", "settings", 1, set("/policy/extra/so", num("3")), "/policy/extra/so", &kind.Type{}, ""},
	{"first year string", "settings", 1, set("/host/first_year", "2024"), "/host/first_year", &kind.Type{}, ""},
	{"rotation empty code", "settings", 1, set("/host/rotation/2", ""), "/host/rotation/2", &kind.MinLength{}, ""},
	{"year month 13", "settings", 1, set("/policy/deadlines/year_month", num("13")), "/policy/deadlines/year_month", &kind.Maximum{}, ""},
	// offices
	{"unknown top", "offices", 0, set("/province", "x"), "", &kind.AdditionalProperties{}, "province"},
	{"unknown member field", "offices", 0, set("/offices/0/members/0/phone", "0900"), "/offices/0/members/0", &kind.AdditionalProperties{}, "phone"},
	{"missing bodies", "offices", 0, del("/bodies"), "", &kind.Required{}, "bodies"},
	{"missing office name", "offices", 0, del("/offices/1/name"), "/offices/1", &kind.Required{}, "name"},
	{"empty body code", "offices", 0, set("/bodies/0/code", ""), "/bodies/0/code", &kind.MinLength{}, ""},
	{"serves not a list", "offices", 0, set("/offices/0/serves", "TT-TU"), "/offices/0/serves", &kind.Type{}, ""},
	// people
	{"unknown top", "people", 0, set("/leaders", []any{}), "", &kind.AdditionalProperties{}, "leaders"},
	{"unknown position field", "people", 0, set("/people/0/positions/0/rank", "1"), "/people/0/positions/0", &kind.AdditionalProperties{}, "rank"},
	{"missing person id", "people", 0, del("/people/1/id"), "/people/1", &kind.Required{}, "id"},
	{"receives weekly", "people", 0, set("/people/0/receives_citizens", "weekly"), "/people/0/receives_citizens", &kind.Enum{}, ""},
	{"people not a list", "people", 0, set("/people", map[string]any{}), "/people", &kind.Type{}, ""},
	// places
	{"unknown venue field", "places", 0, set("/venues/0/address", "x"), "/venues/0", &kind.AdditionalProperties{}, "address"},
	{"missing venues", "places", 0, del("/venues"), "", &kind.Required{}, "venues"},
	{"travel_to not integer", "places", 0, set("/localities/1/travel_to/phuong-tran-bien", "50"), "/localities/1/travel_to/phuong-tran-bien", &kind.Type{}, ""},
	{"remote not bool", "places", 0, set("/localities/1/remote", "có"), "/localities/1/remote", &kind.Type{}, ""},
	{"capacity zero", "places", 0, set("/venues/0/capacity", num("0")), "/venues/0/capacity", &kind.Minimum{}, ""},
	// holidays
	{"unknown top", "holidays", 0, set("/year", num("2026")), "", &kind.AdditionalProperties{}, "year"},
	{"unknown day field", "holidays", 0, set("/days/0/note", "x"), "/days/0", &kind.AdditionalProperties{}, "note"},
	{"missing holiday name", "holidays", 0, del("/days/0/name"), "/days/0", &kind.Required{}, "name"},
	{"neither date nor range", "holidays", 0, del("/days/0/date"), "/days/0", &kind.OneOf{}, ""},
	{"date and range", "holidays", 0, set("/days/1/date", "2026-02-14"), "/days/1", &kind.OneOf{}, ""},
	{"from without to", "holidays", 0, del("/days/1/to"), "/days/1", &kind.DependentRequired{}, "to"},
	{"holiday date pattern", "holidays", 0, set("/days/0/date", "01/01/2026"), "/days/0/date", &kind.Pattern{}, ""},
	{"range date pattern", "holidays", 0, set("/days/1/to", "2026-2-22"), "/days/1/to", &kind.Pattern{}, ""},
	{"days not a list", "holidays", 0, set("/days", map[string]any{"date": "2026-01-01"}), "/days", &kind.Type{}, ""},
	{"holiday name number", "holidays", 0, set("/days/0/name", num("1")), "/days/0/name", &kind.Type{}, ""},
	{"workday missing date", "holidays", 0, del("/workdays/1/date"), "/workdays/1", &kind.Required{}, "date"},
	// programme
	{"unknown top", "programme", 0, set("/year", num("2026")), "", &kind.AdditionalProperties{}, "year"},
	{"unknown item field", "programme", 0, set("/items/0/venue", "x"), "/items/0", &kind.AdditionalProperties{}, "venue"},
	{"missing items", "programme", 0, del("/items"), "", &kind.Required{}, "items"},
	{"missing when", "programme", 0, del("/items/1/when"), "/items/1", &kind.Required{}, "when"},
	{"missing bodies", "programme", 0, del("/items/0/bodies"), "/items/0", &kind.Required{}, "bodies"},
	{"empty when", "programme", 0, set("/items/0/when", ""), "/items/0/when", &kind.MinLength{}, ""},
	{"empty bodies", "programme", 0, set("/items/0/bodies", []any{}), "/items/0/bodies", &kind.MinItems{}, ""},
	{"bad item kind", "programme", 0, set("/items/0/kind", "hop"), "/items/0/kind", &kind.Enum{}, ""},
	{"tentative string", "programme", 0, set("/items/0/tentative", "yes"), "/items/0/tentative", &kind.Type{}, ""},
	{"chair not a list", "programme", 0, set("/items/0/chair", "tran-van-an"), "/items/0/chair", &kind.Type{}, ""},
	{"period quarter 5", "programme", 0, set("/period", "2026-Q5"), "/period", &kind.Pattern{}, ""},
	{"period week 54", "programme", 0, set("/period", "2026-W54"), "/period", &kind.Pattern{}, ""},
	{"period month 13", "programme", 0, set("/period", "2026-13"), "/period", &kind.Pattern{}, ""},
	{"period year too small", "programme", 1, set("/period", num("1800")), "/period", &kind.Minimum{}, ""},
	{"period not integer", "programme", 1, set("/period", num("2026.5")), "/period", &kind.Type{}, ""},
	{"period boolean", "programme", 1, set("/period", true), "/period", &kind.Type{}, ""},
	// consolidated
	{"unknown top", "consolidated", 0, set("/office", "VPTU"), "", &kind.AdditionalProperties{}, "office"},
	{"unknown origin field", "consolidated", 0, set("/items/0/origins/0/line", num("3")), "/items/0/origins/0", &kind.AdditionalProperties{}, "line"},
	{"missing status", "consolidated", 1, del("/status"), "", &kind.Required{}, "status"},
	{"missing offices", "consolidated", 0, del("/items/0/offices"), "/items/0", &kind.Required{}, "offices"},
	{"missing origins", "consolidated", 0, del("/items/0/origins"), "/items/0", &kind.Required{}, "origins"},
	{"missing origin item", "consolidated", 0, del("/items/0/origins/1/item"), "/items/0/origins/1", &kind.Required{}, "item"},
	{"bad status", "consolidated", 1, set("/status", "final"), "/status", &kind.Enum{}, ""},
	{"bad merged item kind", "consolidated", 0, set("/items/0/kind", "giao-ban"), "/items/0/kind", &kind.Enum{}, ""},
	{"bad action", "consolidated", 0, set("/adjustments/1/action", "postpone"), "/adjustments/1/action", &kind.Enum{}, ""},
	{"move without when", "consolidated", 0, del("/adjustments/0/when"), "/adjustments/0", &kind.Required{}, "when"},
	{"bad severity", "consolidated", 0, set("/conflicts/0/severity", "fatal"), "/conflicts/0/severity", &kind.Enum{}, ""},
	{"sequence string", "consolidated", 0, set("/items/0/sequence", "2"), "/items/0/sequence", &kind.Type{}, ""},
	{"offices not a list", "consolidated", 0, set("/items/0/offices", "VPTU"), "/items/0/offices", &kind.Type{}, ""},
	{"negative sequence", "consolidated", 0, set("/items/0/sequence", num("-1")), "/items/0/sequence", &kind.Minimum{}, ""},
	{"approved without decision", "consolidated", 0, del("/decision"), "", &kind.Required{}, "decision"},
	{"issued without date", "consolidated", 0, del("/issued"), "", &kind.Required{}, "issued"},
	{"decision date pattern", "consolidated", 0, set("/decision/date", "25/6/2026"), "/decision/date", &kind.Pattern{}, ""},
	{"period string pattern", "consolidated", 0, set("/period", "Q3-2026"), "/period", &kind.Pattern{}, ""},
	// conclusion
	{"unknown top", "conclusion", 0, set("/date", "2026-06-20"), "", &kind.AdditionalProperties{}, "date"},
	{"unknown update field", "conclusion", 0, set("/tasks/0/updates/0/percent", num("50")), "/tasks/0/updates/0", &kind.AdditionalProperties{}, "percent"},
	{"missing issued", "conclusion", 1, del("/issued"), "", &kind.Required{}, "issued"},
	{"missing meeting date", "conclusion", 1, del("/meeting/date"), "/meeting", &kind.Required{}, "date"},
	{"missing task owner", "conclusion", 0, del("/tasks/1/owner"), "/tasks/1", &kind.Required{}, "owner"},
	{"bad task status", "conclusion", 0, set("/tasks/1/status", "doing"), "/tasks/1/status", &kind.Enum{}, ""},
	{"bad update status", "conclusion", 0, set("/tasks/0/updates/0/status", "late"), "/tasks/0/updates/0/status", &kind.Enum{}, ""},
	{"due pattern", "conclusion", 0, set("/tasks/0/due", "30/06/2026"), "/tasks/0/due", &kind.Pattern{}, ""},
	{"issued pattern", "conclusion", 1, set("/issued", "2026-6-19"), "/issued", &kind.Pattern{}, ""},
	{"meeting not object", "conclusion", 1, set("/meeting", "2026-06-18"), "/meeting", &kind.Type{}, ""},
	// document
	{"unknown top", "document", 0, set("/so", "123"), "", &kind.AdditionalProperties{}, "so"},
	{"missing summary", "document", 1, del("/summary"), "", &kind.Required{}, "summary"},
	{"missing issuer", "document", 1, del("/issuer"), "", &kind.Required{}, "issuer"},
	{"date pattern", "document", 0, set("/date", "20/6/2026"), "/date", &kind.Pattern{}, ""},
	{"recipients string", "document", 0, set("/recipients", "VPUBND"), "/recipients", &kind.Type{}, ""},
	{"number empty", "document", 1, set("/number", ""), "/number", &kind.MinLength{}, ""},
	// petition
	{"unknown top", "petition", 0, set("/name", "Nguyễn Văn A"), "", &kind.AdditionalProperties{}, "name"},
	{"unknown history field", "petition", 0, set("/history/1/hours", num("30")), "/history/1", &kind.AdditionalProperties{}, "hours"},
	// A complaint always holds its sealed identity; a denunciation (sample 1) may leave it out, when coord.yaml
	// keeps denouncers' identities on the receiving PC (secrecy.denouncer_identity: local, petition/plaintext).
	{"missing petitioner", "petition", 0, del("/petitioner"), "", &kind.Required{}, "petitioner"},
	{"missing channel", "petition", 1, del("/channel"), "", &kind.Required{}, "channel"},
	{"missing history by", "petition", 0, del("/history/0/by"), "/history/0", &kind.Required{}, "by"},
	{"bad type", "petition", 0, set("/type", "khieu nai"), "/type", &kind.Enum{}, ""},
	{"bad channel", "petition", 0, set("/channel", "email"), "/channel", &kind.Enum{}, ""},
	{"bad status", "petition", 0, set("/status", "extended"), "/status", &kind.Enum{}, ""},
	{"bad action", "petition", 0, set("/history/2/action", "forwarded"), "/history/2/action", &kind.Enum{}, ""},
	{"attempt 3", "petition", 0, set("/attempt", num("3")), "/attempt", &kind.Enum{}, ""},
	{"people zero", "petition", 1, set("/people", num("0")), "/people", &kind.Minimum{}, ""},
	{"people string", "petition", 1, set("/people", "1"), "/people", &kind.Type{}, ""},
	{"received pattern", "petition", 1, set("/received", "03/07/2026"), "/received", &kind.Pattern{}, ""},
	{"history date pattern", "petition", 0, set("/history/2/date", "2026/07/21"), "/history/2/date", &kind.Pattern{}, ""},
	{"petitioner mapping", "petition", 1, set("/petitioner", map[string]any{"name": "Nguyễn Văn A"}), "/petitioner", &kind.Type{}, ""},
	{"complex string", "petition", 0, set("/complex", "true"), "/complex", &kind.Type{}, ""},
}

func TestInvalidSamples(t *testing.T) {
	schemas, err := schema.Compile()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]map[string]bool{}
	for _, c := range invalids {
		t.Run(c.kind+"/"+c.name, func(t *testing.T) {
			doc := decode(t, samples[c.kind][c.sample])
			c.change(doc)
			err := schemas[c.kind].Validate(doc)
			if err == nil {
				t.Fatalf("validated; want an error at %q", c.at)
			}
			var ve *jsonschema.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T, want *jsonschema.ValidationError", err)
			}
			if !findError(ve, c.at, c.want, c.detail) {
				t.Errorf("no %T%s at %q; got:\n%s", c.want, detailNote(c.detail), c.at, dump(ve))
			}
		})
		if covered[c.kind] == nil {
			covered[c.kind] = map[string]bool{}
		}
		covered[c.kind][fmt.Sprintf("%T", c.want)] = true
		if c.at != "" {
			covered[c.kind]["nested"] = true
		}
	}
	for _, k := range record.Kinds {
		for _, need := range []string{"*kind.AdditionalProperties", "*kind.Required", "*kind.Type", "nested"} {
			if !covered[k][need] {
				t.Errorf("%s: no invalid sample of %s", k, need)
			}
		}
	}
}

func detailNote(d string) string {
	if d == "" {
		return ""
	}
	return " naming " + strconv.Quote(d)
}

// findError looks through the whole error tree for an error of the wanted kind at the wanted instance location.
func findError(ve *jsonschema.ValidationError, at string, want jsonschema.ErrorKind, detail string) bool {
	if location(ve) == at && reflect.TypeOf(ve.ErrorKind) == reflect.TypeOf(want) {
		if detail == "" {
			return true
		}
		switch k := ve.ErrorKind.(type) {
		case *kind.Required:
			if slices.Contains(k.Missing, detail) {
				return true
			}
		case *kind.AdditionalProperties:
			if slices.Contains(k.Properties, detail) {
				return true
			}
		case *kind.DependentRequired:
			if slices.Contains(k.Missing, detail) {
				return true
			}
		}
	}
	for _, c := range ve.Causes {
		if findError(c, at, want, detail) {
			return true
		}
	}
	return false
}

func location(ve *jsonschema.ValidationError) string {
	var b strings.Builder
	for _, tok := range ve.InstanceLocation {
		b.WriteString("/")
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

func dump(ve *jsonschema.ValidationError) string {
	var b strings.Builder
	var rec func(e *jsonschema.ValidationError, depth int)
	rec = func(e *jsonschema.ValidationError, depth int) {
		fmt.Fprintf(&b, "%s%q %T %v\n", strings.Repeat("  ", depth), location(e), e.ErrorKind, e.ErrorKind)
		for _, c := range e.Causes {
			rec(c, depth+1)
		}
	}
	rec(ve, 0)
	return b.String()
}

// ---- helpers over schema documents ----

// walkSchema calls fn on every subschema (objects in schema positions), with its JSON pointer.
func walkSchema(node map[string]any, ptr string, fn func(map[string]any, string)) {
	fn(node, ptr)
	for _, kw := range []string{"properties", "$defs", "dependentSchemas", "patternProperties"} {
		if m, ok := node[kw].(map[string]any); ok {
			for _, name := range sortedKeys(m) {
				if sub, ok := m[name].(map[string]any); ok {
					walkSchema(sub, ptr+"/"+kw+"/"+escape(name), fn)
				}
			}
		}
	}
	for _, kw := range []string{"items", "additionalProperties", "propertyNames", "not", "if", "then", "else", "contains"} {
		if sub, ok := node[kw].(map[string]any); ok {
			walkSchema(sub, ptr+"/"+kw, fn)
		}
	}
	for _, kw := range []string{"allOf", "anyOf", "oneOf", "prefixItems"} {
		if list, ok := node[kw].([]any); ok {
			for i, sub := range list {
				if m, ok := sub.(map[string]any); ok {
					walkSchema(m, fmt.Sprintf("%s/%s/%d", ptr, kw, i), fn)
				}
			}
		}
	}
}

// walkJSON calls fn on every member of every object in the document, schema position or not.
func walkJSON(v any, ptr string, fn func(key string, v any, ptr string)) {
	switch c := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(c) {
			p := ptr + "/" + escape(k)
			fn(k, c[k], p)
			walkJSON(c[k], p, fn)
		}
	case []any:
		for i, x := range c {
			walkJSON(x, fmt.Sprintf("%s/%d", ptr, i), fn)
		}
	}
}

// pointer resolves a "#/..." JSON pointer in doc.
func pointer(doc any, ref string) (any, error) {
	frag, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, fmt.Errorf("not a local reference")
	}
	if frag == "" {
		return doc, nil
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, fmt.Errorf("not a JSON pointer")
	}
	cur := doc
	for _, tok := range strings.Split(frag[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, fmt.Errorf("no %q", tok)
			}
			cur = v
		case []any:
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(c) {
				return nil, fmt.Errorf("bad index %q", tok)
			}
			cur = c[n]
		default:
			return nil, fmt.Errorf("cannot descend into %T at %q", cur, tok)
		}
	}
	return cur, nil
}

// hasType reports whether a schema (following local $refs) declares a type.
func hasType(doc, node map[string]any) bool {
	for range 16 {
		if _, ok := node["type"]; ok {
			return true
		}
		ref, ok := node["$ref"].(string)
		if !ok {
			return false
		}
		target, err := pointer(doc, ref)
		if err != nil {
			return false
		}
		if node, ok = target.(map[string]any); !ok {
			return false
		}
	}
	return false
}

func typeIncludes(typ any, want string) bool {
	switch v := typ.(type) {
	case string:
		return v == want
	case []any:
		return slices.Contains(v, any(want))
	}
	return false
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	sort.Strings(c)
	return c
}

func strs(s ...string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
