package rules

// The loader (pkg/record, pkg/datarepo) finds yaml, schema, path and text/nfc problems while it reads and
// decodes; loaderProblems hands them to the rule of their id.

// loaderProblems reports the loader's problems of the rule out reports for.
func loaderProblems(c *Context, out Out) {
	for _, p := range c.Repo.Problems {
		if p.Rule == out.rule.ID {
			out.Emit(p)
		}
	}
	for _, f := range c.Repo.Files {
		for _, p := range f.Problems {
			if p.Rule == out.rule.ID {
				out.Emit(p)
			}
		}
	}
}
