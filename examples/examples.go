// Package examples holds the example data of coord, embedded in the binary.
//
// Province is the full content of a realistic example data repo for a fictional merged province (Đồng Nai):
// settings, registry, the three offices' programmes for 2026-Q3, conclusions, documents and petitions with
// identities encrypted to demo keys. `coord init --example DIR` copies it into DIR. It is clean except for a few
// conflicts left in on purpose for the demo (listed in examples/README.md).
//
// Drafts are records as a clerk might type them before `coord fmt` and `coord check` (Vietnamese-form dates,
// a misspelt person id, text not in NFC, an unknown field, a plaintext petitioner, a malformed document
// number), each with a comment at the top saying what is wrong with it.
//
// The private keys that decrypt the example petitions are in examples/keys/ and are deliberately not embedded:
// they are fictional demo keys, never to be used for real petitions.
package examples

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Province is the example data repo, rooted at "province" (coord.yaml is "province/coord.yaml").
//
//go:embed all:province
var Province embed.FS

// Drafts are the deliberately faulty records of the demo, rooted at "drafts".
//
//go:embed all:drafts
var Drafts embed.FS

// ProvinceFiles returns the example data repo's files by their path in the repo ("coord.yaml",
// "programmes/2026/Q3/VPTU.yaml"), the ones under prefix only ("" for all).
func ProvinceFiles(prefix string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(Province, "province", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, "province/")
		if !strings.HasPrefix(rel, prefix) {
			return nil
		}
		b, err := Province.ReadFile(p)
		out[rel] = b
		return err
	})
	return out, err
}

// WriteProvince writes the example data repo into dir (the files under prefix only, "" for all).
func WriteProvince(dir, prefix string) error {
	files, err := ProvinceFiles(prefix)
	if err != nil {
		return err
	}
	for rel, b := range files {
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
