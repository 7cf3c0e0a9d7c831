package datarepo

import (
	"strings"

	"github.com/coordvn/coord/pkg/i18n"
)

// HiddenTxtName reports whether a file name ends in .yaml.txt or .yml.txt (any case): a record Notepad saved
// with "Save as…" and the type Text Documents, whose .txt Windows Explorer hides, so the clerk sees
// VPUBND.yaml. fixed is the name it should have.
func HiddenTxtName(name string) (fixed string, ok bool) {
	low := strings.ToLower(name)
	if strings.HasPrefix(name, ".") || !strings.HasSuffix(low, ".txt") {
		return "", false
	}
	base := name[:len(name)-len(".txt")]
	if !IsRecordName(base) {
		return "", false
	}
	return base, true
}

// HiddenTxt is the path finding's message on such a file (rule path): the real name, the name to give it,
// and how to rename it on Windows. ok is false for any other name. coord check reports it for a file in the
// record folders (or coord.yaml.txt at the root); coord submit and coord fmt refuse it with the same
// sentence.
func HiddenTxt(name string) (i18n.Msg, bool) {
	fixed, ok := HiddenTxtName(name)
	if !ok {
		return i18n.Msg{}, false
	}
	return i18n.M("win.path.txt", name, fixed, name, fixed), true
}

// Layout names where records live ("coord.yaml, registry/, programmes/, …"), for sentences about a file
// or a PATH that is not one.
func Layout() string { return layoutList() }
