package schema_test

import (
	"errors"
	"testing"

	"github.com/coordvn/coord/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// The ids a record defines are slugs (items, tasks, people, localities, venues: ^[a-z0-9][a-z0-9-]*$),
// office and body codes are upper case (^[A-Z][A-Z0-9-]*$), a petition id is its office's code, the year and a
// sequence number. A reference keeps only its minimum length: ref/* reports an unknown reference, with a
// "did you mean", and a second finding from the schema would only repeat it.
var idCases = []struct {
	name, kind string
	sample     int
	path       string
	value      string
	ok         bool
}{
	{"item id with capitals", "programme", 0, "/items/0/id", "Hop-UBND", false},
	{"item id with diacritics", "programme", 0, "/items/0/id", "họp-ubnd", false},
	{"item id with a space", "programme", 0, "/items/0/id", "hop ubnd", false},
	{"item id with a slash", "programme", 0, "/items/0/id", "../hop", false},
	{"item id starting with a hyphen", "programme", 0, "/items/0/id", "-hop", false},
	{"item id with an underscore", "programme", 0, "/items/0/id", "hop_ubnd", false},
	{"item id of digits", "programme", 0, "/items/0/id", "2026-07-03", true},
	{"item id", "programme", 0, "/items/0/id", "hop-ubnd-thang-7", true},
	{"chair written as a name (a reference)", "programme", 0, "/items/0/chair/0", "Trần Văn An", true},
	{"task id with capitals", "conclusion", 0, "/tasks/0/id", "De-An", false},
	{"task id", "conclusion", 0, "/tasks/0/id", "de-an-1", true},
	{"person id with a dot", "people", 0, "/people/0/id", "tran.van.an", false},
	{"person id", "people", 0, "/people/0/id", "tran-van-an-2", true},
	{"locality id with diacritics", "places", 0, "/localities/0/id", "phường-trấn-biên", false},
	{"venue id with capitals", "places", 0, "/venues/0/id", "Hoi-Truong", false},
	{"venue's locality written otherwise (a reference)", "places", 0, "/venues/0/locality", "Phường Trấn Biên", true},
	{"body code in lower case", "offices", 0, "/bodies/0/code", "tt-tu", false},
	{"office code with a space", "offices", 0, "/offices/0/code", "VP TU", false},
	{"office code starting with a digit", "offices", 0, "/offices/0/code", "1VPTU", false},
	{"office code", "offices", 0, "/offices/0/code", "VP-TU2", true},
	{"petition id in lower case", "petition", 0, "/id", "vpubnd-2026-000123", false},
	{"petition id as a path", "petition", 0, "/id", "../../../etc/passwd", false},
	{"petition id without its year", "petition", 0, "/id", "VPUBND-000123", false},
	{"petition id", "petition", 0, "/id", "VP-UBND-2026-1234567", true},
	{"petition locality (a reference)", "petition", 0, "/locality", "Xã Long Thành", true},
}

func TestIDsAreSlugs(t *testing.T) {
	schemas, err := schema.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range idCases {
		t.Run(c.kind+"/"+c.name, func(t *testing.T) {
			doc := decode(t, samples[c.kind][c.sample])
			setAt(doc, c.path, c.value, false)
			err := schemas[c.kind].Validate(doc)
			if c.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ve *jsonschema.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("validated (%v); want a pattern error at %s", err, c.path)
			}
			if !findError(ve, c.path, &kind.Pattern{}, "") {
				t.Errorf("no pattern error at %s; got:\n%s", c.path, dump(ve))
			}
		})
	}
}
