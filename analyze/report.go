package analyze

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"unicode/utf8"
)

// Percent returns the share of c's words in total, in percent with one
// decimal (0 when total has none).
func Percent(c, total Count) float64 {
	if total.Words == 0 {
		return 0
	}
	return float64(int(1000*float64(c.Words)/float64(total.Words)+0.5)) / 10
}

// WriteText writes r as the text report: a table per file, then the total
// when the job has more than one file.
func WriteText(w io.Writer, r Report) error {
	files := r.Files
	if len(files) > 1 {
		files = append(files[:len(files):len(files)], r.Total)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for k, f := range files {
		if k > 0 {
			fmt.Fprintln(tw)
		}
		name := f.Name
		if f.SourceLang != "" {
			name += " (" + f.SourceLang + " → " + f.TargetLang + ")"
		}
		fmt.Fprintln(tw, name)
		// The columns are right-aligned; labels padded to one width
		// read as left-aligned.
		fmt.Fprintf(tw, "%-*s\tSegments\tWords\tCharacters\tTags\tPercent\t\n", labelWidth, "")
		for b := Band(0); b < NumBands; b++ {
			c := f.Bands[b]
			fmt.Fprintf(tw, "%-*s\t%d\t%d\t%d\t%d\t%.1f%%\t\n", labelWidth, b.Label(), c.Segments, c.Words, c.Characters, c.Tags, Percent(c, f.Total))
		}
		c := f.Total
		fmt.Fprintf(tw, "%-*s\t%d\t%d\t%d\t%d\t%.1f%%\t\n", labelWidth, "Total", c.Segments, c.Words, c.Characters, c.Tags, Percent(c, c))
	}
	return tw.Flush()
}

// labelWidth is the width of the longest band label, in runes.
var labelWidth = func() int {
	n := 0
	for _, l := range bandLabels {
		n = max(n, utf8.RuneCountInString(l))
	}
	return n
}()

// CSVHeader is the first row of WriteCSV's output.
var CSVHeader = []string{"file", "band", "segments", "words", "characters", "tags", "percent"}

// WriteCSV writes r as CSV: one row per file and band, then the file's
// total (band "total"); the job's rows follow with file "total".
func WriteCSV(w io.Writer, r Report) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	row := func(file, band string, c, total Count) {
		cw.Write([]string{file, band, strconv.Itoa(c.Segments), strconv.Itoa(c.Words),
			strconv.Itoa(c.Characters), strconv.Itoa(c.Tags), strconv.FormatFloat(Percent(c, total), 'f', 1, 64)})
	}
	for _, f := range append(r.Files[:len(r.Files):len(r.Files)], r.Total) {
		for b := Band(0); b < NumBands; b++ {
			row(f.Name, b.ID(), f.Bands[b], f.Total)
		}
		row(f.Name, "total", f.Total, f.Total)
	}
	cw.Flush()
	return cw.Error()
}

// jsonBand is one band in the JSON report.
type jsonBand struct {
	Band  string `json:"band"`
	Label string `json:"label"`
	Count
	Percent float64 `json:"percent"`
}

type jsonFile struct {
	File       string     `json:"file"`
	SourceLang string     `json:"source_lang"`
	TargetLang string     `json:"target_lang"`
	Bands      []jsonBand `json:"bands"`
	Total      Count      `json:"total"`
}

func toJSON(f File) jsonFile {
	out := jsonFile{File: f.Name, SourceLang: f.SourceLang, TargetLang: f.TargetLang, Total: f.Total}
	for b := Band(0); b < NumBands; b++ {
		out.Bands = append(out.Bands, jsonBand{Band: b.ID(), Label: b.Label(), Count: f.Bands[b], Percent: Percent(f.Bands[b], f.Total)})
	}
	return out
}

// WriteJSON writes r as one indented JSON object: {"files": [...],
// "total": {...}}, each with its bands in report order.
func WriteJSON(w io.Writer, r Report) error {
	out := struct {
		Files []jsonFile `json:"files"`
		Total jsonFile   `json:"total"`
	}{Files: []jsonFile{}, Total: toJSON(r.Total)}
	for _, f := range r.Files {
		out.Files = append(out.Files, toJSON(f))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // as cmd/trad's other --json outputs
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
