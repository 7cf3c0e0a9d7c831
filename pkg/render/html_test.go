package render

import (
	"bytes"
	"testing"
)

func TestHTMLGolden(t *testing.T) {
	got := render(t, func(b *bytes.Buffer, in Input) error { return HTML(b, in) }, fixture())
	golden(t, "programme.html.golden", got)
}
