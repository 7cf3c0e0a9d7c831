package render

import "io"

func DOCX(w io.Writer, in Input) error           { return nil }
