// Package schema owns the JSON Schemas of coord's record kinds: one self-contained draft 2020-12 file per kind
// (settings, offices, people, places, holidays, programme, consolidated, conclusion, document, petition), embedded
// in the binary so that `coord init` can write them into a data repo and `coord check` can validate with them.
//
// The Go structs of pkg/record are the formats; these files describe the same fields for editors
// (yaml-language-server hovers in Vietnamese) and for the `schema` rule. The tests keep both in step.
// This package never touches the network: schemas are compiled from the embedded bytes only.
package schema

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed *.schema.json
var files embed.FS

// Suffix ends every schema file name: programme.schema.json.
const Suffix = ".schema.json"

// BaseURL prefixes the stable `$id` of every schema: BaseURL + "programme.schema.json".
const BaseURL = "https://coord.example/schema/"

// FS returns the embedded schema files, at the root of the file system.
func FS() fs.FS { return files }

// Names returns the file names of the schemas, sorted.
func Names() []string {
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil // cannot happen with an embed.FS root
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), Suffix) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Kinds returns the kinds that have a schema, sorted like Names.
func Kinds() []string {
	names := Names()
	kinds := make([]string, len(names))
	for i, n := range names {
		kinds[i] = strings.TrimSuffix(n, Suffix)
	}
	return kinds
}

// FileName returns the schema file name of a kind: programme -> programme.schema.json.
func FileName(kind string) string { return kind + Suffix }

// ID returns the stable `$id` of a kind's schema.
func ID(kind string) string { return BaseURL + FileName(kind) }

// Raw returns the bytes of a kind's schema. It accepts the kind ("programme") or the file name
// ("programme.schema.json"); the returned slice is a copy the caller may keep or change.
func Raw(kind string) ([]byte, bool) {
	if kind == "" || strings.ContainsAny(kind, `/\`) {
		return nil, false
	}
	name := kind
	if !strings.HasSuffix(name, Suffix) {
		name = FileName(kind)
	}
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, false
	}
	return b, true
}

// ErrRemote is returned (inside the compiler's error) for any reference the compiler would have to fetch.
var ErrRemote = errors.New("schema: remote references are not loaded")

// refuseLoader refuses every URL: schemas are self-contained, and coord never goes to the network for them.
// (The draft 2020-12 meta-schemas are built into the jsonschema library and do not reach the loader.)
type refuseLoader struct{}

func (refuseLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("%w: %s", ErrRemote, url)
}

// NewCompiler returns a draft 2020-12 compiler that loads nothing from outside: every URL that is not a
// resource added with AddResource (or a meta-schema built into the library) fails with ErrRemote.
func NewCompiler() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(refuseLoader{})
	return c
}

// Compile compiles every embedded schema and returns them by kind.
func Compile() (map[string]*jsonschema.Schema, error) {
	c := NewCompiler()
	kinds := Kinds()
	for _, kind := range kinds {
		raw, _ := Raw(kind)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", FileName(kind), err)
		}
		if err := c.AddResource(ID(kind), doc); err != nil {
			return nil, fmt.Errorf("schema %s: %w", FileName(kind), err)
		}
	}
	out := make(map[string]*jsonschema.Schema, len(kinds))
	for _, kind := range kinds {
		sch, err := c.Compile(ID(kind))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", FileName(kind), err)
		}
		out[kind] = sch
	}
	return out, nil
}
