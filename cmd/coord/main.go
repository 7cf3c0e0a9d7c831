// Command coord coordinates the work programmes, documents and petitions of a province's offices through
// one shared Git repository of YAML records.
package main

import (
	"os"

	"github.com/coordvn/coord/pkg/cmd/root"
	"github.com/coordvn/coord/pkg/cmdutil"
	_ "time/tzdata" // Windows PCs have no zoneinfo: embed it
)

func main() {
	os.Exit(root.Main(cmdutil.New(), os.Args[1:]))
}
