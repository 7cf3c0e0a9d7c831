package synth

// Import commits every file under dir to main of the bare repo bare, as History does for dir itself: the
// settings and registry in a first commit, then one commit per record at its submission time, oldest first.
func Import(dir, bare string, env []string) error { return importTo(dir, bare, env) }
