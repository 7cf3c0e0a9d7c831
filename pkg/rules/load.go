package rules

import (
	"github.com/coordvn/coord/pkg/finding"
	"github.com/coordvn/coord/pkg/i18n"
)

// The loader finds yaml, schema and text/nfc problems while decoding; these rules report them.

func loaderRule(id string, sev finding.Severity) Rule {
	return Rule{ID: id, Severity: sev, Doc: i18n.M("rule.doc." + id), Check: func(c *Context, out *finding.Collector) {
		for _, p := range c.Repo.Problems {
			if p.Rule == id {
				c.Emit(out, p)
			}
		}
		for _, f := range c.Repo.Files {
			for _, p := range f.Problems {
				if p.Rule == id {
					c.Emit(out, p)
				}
			}
		}
	}}
}

var yamlRule = loaderRule("yaml", finding.Error)

var textNFCRule = loaderRule("text/nfc", finding.Warning)
