package record

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/coordvn/coord/pkg/vntext"
)

// The binary form of a record's Go value (the parse cache's, see binary.go): every field of the struct in
// order, found by reflection, so a field added to a record type is carried without more code. Only what a
// record type is made of is supported: strings, booleans, integers, floats, slices, pointers, maps with
// string or integer keys, and structs of exported fields. A type holding anything else (an interface, a
// function, an unexported field) cannot be carried: files of that kind are then decoded every time.

// BinWriter appends the binary form.
type BinWriter struct{ B []byte }

func (w *BinWriter) Uvarint(x uint64) {
	for x >= 0x80 {
		w.B = append(w.B, byte(x)|0x80)
		x >>= 7
	}
	w.B = append(w.B, byte(x))
}

func (w *BinWriter) Varint(x int64) { w.Uvarint(uint64(x<<1) ^ uint64(x>>63)) }

func (w *BinWriter) Str(s string) {
	w.Uvarint(uint64(len(s)))
	w.B = append(w.B, s...)
}

// BinReader reads the binary form from a string; strings it returns share the string's memory.
type BinReader struct {
	S   string // what is read
	Off int    // where
	Err error  // set at the first byte that does not read
}

var errBinary = errors.New("record: damaged binary form")

func (r *BinReader) fail() { r.Err, r.Off = errBinary, len(r.S) }

func (r *BinReader) Uvarint() uint64 {
	var x uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if r.Off >= len(r.S) {
			r.fail()
			return 0
		}
		c := r.S[r.Off]
		r.Off++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	r.fail()
	return 0
}

func (r *BinReader) Varint() int64 {
	u := r.Uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length that cannot exceed what is left to read (each element takes a byte at least).
func (r *BinReader) Count() int {
	n := r.Uvarint()
	if n > uint64(len(r.S)-r.Off)+1 {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *BinReader) Str() string {
	n := r.Uvarint()
	if n > uint64(len(r.S)-r.Off) {
		r.fail()
		return ""
	}
	s := r.S[r.Off : r.Off+int(n)]
	r.Off += int(n)
	return s
}

// typeSig describes a type for the cache's version: the binary form of a value depends on it.
func typeSig(t reflect.Type) (string, bool) {
	var b strings.Builder
	ok := writeSig(&b, t, map[reflect.Type]bool{})
	return b.String(), ok
}

func writeSig(b *strings.Builder, t reflect.Type, seen map[reflect.Type]bool) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		b.WriteString(t.Kind().String())
		return true
	case reflect.Slice:
		b.WriteString("[]")
		return writeSig(b, t.Elem(), seen)
	case reflect.Pointer:
		b.WriteString("*")
		if seen[t] {
			b.WriteString(t.Elem().Name())
			return true
		}
		seen[t] = true
		return writeSig(b, t.Elem(), seen)
	case reflect.Map:
		switch t.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int64:
		default:
			return false
		}
		b.WriteString("map[" + t.Key().Kind().String() + "]")
		return writeSig(b, t.Elem(), seen)
	case reflect.Struct:
		b.WriteString(t.Name() + "{")
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				return false
			}
			b.WriteString(f.Name + " " + string(f.Tag) + " ")
			if !writeSig(b, f.Type, seen) {
				return false
			}
			b.WriteString(";")
		}
		b.WriteString("}")
		return true
	}
	return false
}

// valueTypes are the record types by kind, with whether their binary form is supported.
var valueTypes = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, k := range Kinds {
		_, ok := typeSig(reflect.TypeOf(newValue(k)).Elem())
		out[k] = ok
	}
	return out
})

// valueSig is the signature of every record type, for the cache's version.
func valueSig() string {
	var b strings.Builder
	for _, k := range Kinds {
		s, _ := typeSig(reflect.TypeOf(newValue(k)).Elem())
		fmt.Fprintf(&b, "%s=%s\n", k, s)
	}
	return b.String()
}

func (w *BinWriter) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			w.B = append(w.B, 1)
		} else {
			w.B = append(w.B, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.Varint(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.Uvarint(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.Uvarint(math.Float64bits(v.Float()))
	case reflect.String:
		w.Str(v.String())
	case reflect.Slice:
		if v.IsNil() {
			w.Uvarint(0)
			return
		}
		w.Uvarint(uint64(v.Len()) + 1)
		for i := 0; i < v.Len(); i++ {
			w.value(v.Index(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			w.Uvarint(0)
			return
		}
		w.Uvarint(1)
		w.value(v.Elem())
	case reflect.Map:
		if v.IsNil() {
			w.Uvarint(0)
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].Kind() == reflect.String {
				return keys[i].String() < keys[j].String()
			}
			return keys[i].Int() < keys[j].Int()
		})
		w.Uvarint(uint64(len(keys)) + 1)
		for _, k := range keys {
			w.value(k)
			w.value(v.MapIndex(k))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			w.value(v.Field(i))
		}
	}
}

func (r *BinReader) value(v reflect.Value) {
	if r.Err != nil {
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(r.Uvarint() != 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(r.Varint())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(r.Uvarint())
	case reflect.Float32, reflect.Float64:
		v.SetFloat(math.Float64frombits(r.Uvarint()))
	case reflect.String:
		v.SetString(r.Str())
	case reflect.Slice:
		n := r.Count()
		if n == 0 || r.Err != nil {
			return
		}
		s := reflect.MakeSlice(v.Type(), n-1, n-1)
		for i := 0; i < n-1 && r.Err == nil; i++ {
			r.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Pointer:
		if r.Uvarint() == 0 {
			return
		}
		p := reflect.New(v.Type().Elem())
		r.value(p.Elem())
		v.Set(p)
	case reflect.Map:
		n := r.Count()
		if n == 0 || r.Err != nil {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), n-1)
		for i := 0; i < n-1 && r.Err == nil; i++ {
			k := reflect.New(v.Type().Key()).Elem()
			r.value(k)
			e := reflect.New(v.Type().Elem()).Elem()
			r.value(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := 0; i < v.NumField() && r.Err == nil; i++ {
			r.value(v.Field(i))
		}
	default:
		r.fail()
	}
}

// IsNFC reports whether every string of a record's Go value is in NFC, as every value Decode gives is. A value
// built otherwise (a decision's reason typed by a coordinator) may not be what its file decodes to.
func IsNFC(v any) bool { return stringsNFC(reflect.ValueOf(v)) }

func stringsNFC(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return vntext.IsNFC(v.String())
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if !stringsNFC(v.Index(i)) {
				return false
			}
		}
	case reflect.Pointer, reflect.Interface:
		return v.IsNil() || stringsNFC(v.Elem())
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if !stringsNFC(it.Key()) || !stringsNFC(it.Value()) {
				return false
			}
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if !stringsNFC(v.Field(i)) {
				return false
			}
		}
	}
	return true
}
