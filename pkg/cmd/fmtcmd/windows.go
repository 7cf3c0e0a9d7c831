package fmtcmd

import (
	"errors"

	"github.com/coordvn/coord/pkg/cmdutil"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/oserr"
	"github.com/coordvn/coord/pkg/ospath"
)

// locate is the file or folder a PATH argument names, matched as the file system matches names: on
// Windows in any case and with backslashes (ospath). Outside a data repo the argument is taken as typed.
func locate(f *cmdutil.Factory, wd, arg string) string {
	root, err := f.RepoRoot()
	if err != nil {
		root = ""
	}
	abs, _ := ospath.Native().Locate(root, wd, arg)
	return abs
}

// wanted is whether fmt looks at a file found in a folder: a record, or a record Notepad saved as
// .yaml.txt (refused below with the sentence that says how to rename it).
func wanted(name string) bool {
	_, hidden := datarepo.HiddenTxtName(name)
	return datarepo.IsRecordName(name) || hidden
}

// errMsg is an error as a phrase in the user's language: a catalog error as it is, an operating system
// error through oserr.
func errMsg(err error) i18n.Msg {
	var ie *i18n.Error
	if errors.As(err, &ie) {
		return ie.Msg
	}
	return oserr.Msg(err)
}
