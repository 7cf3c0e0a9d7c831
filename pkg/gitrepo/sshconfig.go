package gitrepo

import (
	"bufio"
	"bytes"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// What OpenSSH's client config says about a host, read the way ssh(1) reads it, so that a remote written as
// `git@alias:repo.git` or `ssh://alias/repo.git` reaches the same server with the same user and key as git
// would. Only the four keywords that decide where and as whom coord connects are read (HostName, User, Port,
// IdentityFile). The parser is our own rather than kevinburke/ssh_config (already in go.sum through go-git):
// that one panics on a Match block (user input must never panic coord) and finds Include files and the home
// folder through the OS account database, not HOME, so a test HOME or a roaming Windows profile would not
// be honoured.

// sshHost is the resolved configuration of one alias. Empty fields were not set.
type sshHost struct {
	HostName      string
	User          string
	Port          string
	PortFile      string // the file that set Port, for the message when it is not a number
	IdentityFiles []string
}

// maxIncludeDepth bounds Include recursion as OpenSSH does (a file including itself must not loop).
const maxIncludeDepth = 16

// sshConfigFiles are the files ssh(1) reads, in its order: the user's, then the system's.
func sshConfigFiles(home string) []string {
	var files []string
	if home != "" {
		files = append(files, filepath.Join(home, ".ssh", "config"))
	}
	if runtime.GOOS == "windows" {
		if pd := os.Getenv("PROGRAMDATA"); pd != "" {
			files = append(files, filepath.Join(pd, "ssh", "ssh_config"))
		}
	} else {
		files = append(files, "/etc/ssh/ssh_config")
	}
	return files
}

// lookupSSHConfig returns what the config files say about alias: the first value obtained for each keyword
// wins, and every IdentityFile is kept, as in ssh_config(5). A missing file is no error.
func lookupSSHConfig(alias string, files []string, home string) sshHost {
	var h sshHost
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue // ssh(1) also goes on without a config file it cannot read
		}
		sshConfigApply(&h, alias, data, f, filepath.Dir(f), home, 0)
	}
	return h
}

// sshConfigApply reads one file's text into h for alias. base is the folder relative Include paths start
// from (~/.ssh for the user's file, /etc/ssh for the system's, as OpenSSH does).
func sshConfigApply(h *sshHost, alias string, data []byte, file, base, home string, depth int) {
	applies := true // lines before the first Host or Match apply to every host
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		key, args := sshConfigLine(sc.Text())
		if key == "" {
			continue
		}
		switch key {
		case "host":
			applies = sshHostMatches(alias, args)
			continue
		case "match":
			// Match criteria (exec, user, localnetwork…) are not evaluated: only "Match all" is known to apply,
			// and a block that might not apply is safer skipped than applied to the wrong server.
			applies = len(args) == 1 && strings.EqualFold(args[0], "all")
			continue
		}
		if !applies || len(args) == 0 {
			continue
		}
		switch key {
		case "include":
			if depth >= maxIncludeDepth {
				continue
			}
			for _, pat := range args {
				pat = expandTilde(pat, home)
				if !filepath.IsAbs(pat) {
					pat = filepath.Join(base, pat)
				}
				matches, _ := filepath.Glob(pat)
				for _, m := range matches {
					if b, err := os.ReadFile(m); err == nil {
						sshConfigApply(h, alias, b, m, base, home, depth+1)
					}
				}
			}
		case "hostname":
			if h.HostName == "" {
				h.HostName = args[0]
			}
		case "user":
			if h.User == "" {
				h.User = args[0]
			}
		case "port":
			if h.Port == "" {
				h.Port, h.PortFile = args[0], file
			}
		case "identityfile":
			if !strings.EqualFold(args[0], "none") {
				h.IdentityFiles = append(h.IdentityFiles, args[0])
			}
		}
	}
}

// sshConfigLine splits a config line into its lower-case keyword and arguments: "Key value", "Key=value" or
// "Key = value", arguments separated by blanks, double quotes keeping blanks inside one. Comments and blank
// lines give an empty keyword.
func sshConfigLine(line string) (string, []string) {
	line = strings.TrimSpace(line)
	if line == "" || line[0] == '#' {
		return "", nil
	}
	end := strings.IndexAny(line, " \t=")
	if end < 0 {
		return strings.ToLower(line), nil
	}
	key := strings.ToLower(line[:end])
	rest := strings.TrimLeft(line[end:], " \t")
	if strings.HasPrefix(rest, "=") {
		rest = strings.TrimLeft(rest[1:], " \t")
	}
	var args []string
	for rest != "" {
		var arg string
		if rest[0] == '"' {
			close := strings.IndexByte(rest[1:], '"')
			if close < 0 {
				arg, rest = rest[1:], ""
			} else {
				arg, rest = rest[1:1+close], rest[2+close:]
			}
		} else {
			i := strings.IndexAny(rest, " \t")
			if i < 0 {
				arg, rest = rest, ""
			} else {
				arg, rest = rest[:i], rest[i:]
			}
		}
		if strings.HasPrefix(arg, "#") && len(args) > 0 {
			break // a trailing comment
		}
		args = append(args, arg)
		rest = strings.TrimLeft(rest, " \t")
	}
	return key, args
}

// sshHostMatches tells whether a Host line's patterns select alias: one positive pattern matches and no
// negated one does (ssh_config(5) PATTERNS; host names compare case-insensitively).
func sshHostMatches(alias string, patterns []string) bool {
	alias = strings.ToLower(alias)
	matched := false
	for _, p := range patterns {
		for _, q := range strings.Split(p, ",") {
			neg := strings.HasPrefix(q, "!")
			q = strings.ToLower(strings.TrimPrefix(q, "!"))
			if q == "" || !wildMatch(q, alias) {
				continue
			}
			if neg {
				return false
			}
			matched = true
		}
	}
	return matched
}

// wildMatch matches s against a pattern of '*' (any run) and '?' (one character), iteratively so that no
// pattern can blow the stack.
func wildMatch(pat, s string) bool {
	p, n := []rune(pat), []rune(s)
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(n) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == n[si]):
			pi++
			si++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// expandTilde replaces a leading ~ (alone or before a separator) with home.
func expandTilde(p, home string) string {
	if p == "~" {
		return home
	}
	if strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		return filepath.Join(home, p[2:])
	}
	return p
}

// expandSSHTokens expands the % tokens ssh_config(5) allows in HostName and IdentityFile that make sense
// here: %% %h (the remote host name) %r (the remote user) %u (the local user) %d (the home folder) %p
// (the port). Unknown tokens are left as written.
func expandSSHTokens(s string, tokens map[byte]string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		if s[i] == '%' {
			b.WriteByte('%')
			continue
		}
		if v, ok := tokens[s[i]]; ok {
			b.WriteString(v)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(s[i])
	}
	return b.String()
}

// localUser is the name ssh(1) logs in with when neither the URL nor the config names a user: the local
// account's name (without the Windows domain).
func localUser() string {
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if name == "" {
		name = os.Getenv("USER")
		if name == "" {
			name = os.Getenv("USERNAME")
		}
	}
	if i := strings.LastIndexAny(name, `\`); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// sshTarget is where an SSH remote really is once ~/.ssh/config is applied.
type sshTarget struct {
	Host          string // the host name to dial (HostName, else the alias)
	Port          int
	User          string
	IdentityFiles []string // in the config's order, ~ and % tokens expanded
}

// resolveSSH applies the config to an SSH endpoint's alias: user from the URL, else User, else the local
// account; port from the URL, else Port, else 22; host from HostName, else the alias. urlPort is 0 when the
// URL names none.
func resolveSSH(alias, urlUser string, urlPort int, home string) (sshTarget, error) {
	h := lookupSSHConfig(alias, sshConfigFiles(home), home)
	t := sshTarget{Host: alias, Port: 22, User: urlUser}
	if h.HostName != "" {
		t.Host = expandSSHTokens(h.HostName, map[byte]string{'h': alias})
	}
	switch {
	case urlPort > 0:
		t.Port = urlPort
	case h.Port != "":
		p, err := strconv.Atoi(h.Port)
		if err != nil || p < 1 || p > 65535 {
			return t, newErr(ErrSSHConfig, "transport.ssh_config_port", h.PortFile, h.Port, alias)
		}
		t.Port = p
	}
	if t.User == "" {
		t.User = h.User
	}
	local := localUser()
	if t.User == "" {
		t.User = local
	}
	tokens := map[byte]string{'h': t.Host, 'r': t.User, 'u': local, 'd': home, 'p': strconv.Itoa(t.Port)}
	for _, f := range h.IdentityFiles {
		// A relative path stays relative to the working folder, as ssh(1) leaves it.
		f = expandTilde(expandSSHTokens(f, tokens), home)
		t.IdentityFiles = append(t.IdentityFiles, f)
	}
	return t, nil
}
