package main

import (
	"fmt"
	"os"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"
)

// cmdEncode is the scripts' `encode ENCODING SRC DST`: it writes the UTF-8 file SRC as a Windows program
// would save it — utf-16le-bom (PowerShell 5.1's >), utf-16be, utf-32le, windows-1258 (Notepad's ANSI on a
// Vietnamese Windows) — so a script shows what coord says about the bytes, which a txtar file cannot hold.
func cmdEncode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: encode ENCODING SRC DST")
	}
	src := []byte(ts.ReadFile(args[1]))
	var out []byte
	var err error
	with := func(e encoding.Encoding) { out, err = e.NewEncoder().Bytes(src) }
	switch args[0] {
	case "utf-16le-bom":
		with(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM))
	case "utf-16be":
		with(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM))
	case "utf-32le":
		with(utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM))
	case "windows-1258":
		out, err = windows1258(string(src))
	default:
		ts.Fatalf("encode: unknown encoding %s", args[0])
	}
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
}

// windows1258 writes Vietnamese text as Windows-1258 holds it: the letters with a circumflex, breve or horn
// (â ê ô ơ ư ă) and đ as single bytes, the five tone marks as combining bytes after them.
func windows1258(s string) ([]byte, error) {
	enc := charmap.Windows1258
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, ok := enc.EncodeRune(r); ok {
			out = append(out, b)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, tones := []rune{d[0]}, []rune{}
		for _, m := range d[1:] {
			switch m {
			case 0x300, 0x301, 0x303, 0x309, 0x323:
				tones = append(tones, m)
			default:
				base = append(base, m)
			}
		}
		for _, x := range append([]rune(norm.NFC.String(string(base))), tones...) {
			b, ok := enc.EncodeRune(x)
			if !ok {
				return nil, fmt.Errorf("Windows-1258 has no %q", x)
			}
			out = append(out, b)
		}
	}
	return out, nil
}
