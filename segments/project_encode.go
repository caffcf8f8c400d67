package segments

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// encodeProject writes pf as json.MarshalIndent(pf, "", "  ") would, plus a
// final newline, one block and one segment at a time: MarshalIndent holds
// the whole file twice in memory (the JSON, then its indented copy), over
// 500 MB for a 50 MB article, whose text the file holds twice (the blocks'
// and the segments').
func encodeProject(w io.Writer, pf *projectFile) error {
	head := *pf
	head.Blocks, head.Segments, head.Orphans = nil, nil, nil
	data, err := json.MarshalIndent(&head, "", "  ")
	if err != nil {
		return err
	}
	// The header ends with the two null lists (Orphans, omitempty, is left
	// out); the lists are written in their place.
	const tail = ",\n  \"blocks\": null,\n  \"segments\": null\n}"
	if !bytes.HasSuffix(data, []byte(tail)) {
		return errors.New("encode project: unexpected header layout")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(data[:len(data)-len(tail)])
	if err := encodeList(bw, "blocks", pf.Blocks); err != nil {
		return err
	}
	if err := encodeList(bw, "segments", pf.Segments); err != nil {
		return err
	}
	if len(pf.Orphans) > 0 {
		if err := encodeList(bw, "orphans", pf.Orphans); err != nil {
			return err
		}
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// encodeList writes `,\n  "name": [...]` with each item indented as
// MarshalIndent indents the items of a list in a top-level field. The
// indented copy goes to one buffer, reused from item to item (json.Encoder's
// indenting grows its buffer by appending: 300 MB allocated for a 50 MB
// block).
func encodeList[T any](bw *bufio.Writer, name string, items []T) error {
	bw.WriteString(",\n  \"" + name + "\": [")
	if len(items) == 0 {
		bw.WriteString("]")
		return nil
	}
	var buf bytes.Buffer
	for i := range items {
		item, err := json.Marshal(&items[i])
		if err != nil {
			return err
		}
		buf.Reset()
		if err := json.Indent(&buf, item, "    ", "  "); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		if _, err := bw.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	bw.WriteString("\n  ]")
	return nil
}
