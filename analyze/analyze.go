// Package analyze is trad's job analysis, as memoQ's statistics and Trados
// Studio's "Analyze Files" report it: the segments, words, characters and
// tags of each file and of the whole job, by how much of them the
// translation memories and repetitions already cover (see docs/analyze.md).
package analyze

import (
	"runtime"
	"strings"
	"sync"
	"unicode"

	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// Band is a match category of the analysis.
type Band int

// The bands, in report order. A segment is in exactly one: the first that
// applies of context match, repetition, 100 %, the fuzzy ranges, no match.
const (
	Repetition Band = iota // same source as an earlier segment of the job
	Context                // 101 %: same source and same neighbours in a memory
	Exact                  // 100 %
	Fuzzy95                // 95–99 %
	Fuzzy85                // 85–94 %
	Fuzzy75                // 75–84 %
	Fuzzy50                // 50–74 %
	NoMatch                // below 50 % or nothing
	NumBands
)

var bandIDs = [NumBands]string{"repetitions", "101", "100", "95-99", "85-94", "75-84", "50-74", "no-match"}

var bandLabels = [NumBands]string{"Repetitions", "101% (context)", "100%", "95–99%", "85–94%", "75–84%", "50–74%", "No match"}

// ID is the band's name in JSON and CSV output ("repetitions", "101",
// "95-99", "no-match").
func (b Band) ID() string { return bandIDs[b] }

// Label is the band's name in the text report ("101% (context)").
func (b Band) Label() string { return bandLabels[b] }

// MinScore is the lowest memory score the analysis counts as a match: the
// lower bound of the lowest fuzzy band, and tm's own DefaultMin.
const MinScore = 50

// bandOf returns the band of a best memory score (0: no match).
func bandOf(score int) Band {
	switch {
	case score >= 101:
		return Context
	case score == 100:
		return Exact
	case score >= 95:
		return Fuzzy95
	case score >= 85:
		return Fuzzy85
	case score >= 75:
		return Fuzzy75
	case score >= MinScore:
		return Fuzzy50
	}
	return NoMatch
}

// Count is what a band (or a total) holds.
type Count struct {
	Segments int `json:"segments"`
	// Words are counted as CAT tools count them (segments.WordCountCAT).
	Words int `json:"words"`
	// Characters are the source's characters other than white space.
	Characters int `json:"characters"`
	// Tags are the inline codes' ends: a pair (bold, a link) is two tags,
	// a placeholder (an image, a code span) one. Tags are not words.
	Tags int `json:"tags"`
}

func (c *Count) add(o Count) {
	c.Segments += o.Segments
	c.Words += o.Words
	c.Characters += o.Characters
	c.Tags += o.Tags
}

// File is the analysis of one file of the job (or of the whole job).
type File struct {
	Name       string
	SourceLang string
	TargetLang string
	Bands      [NumBands]Count
	Total      Count
}

// Report is the analysis of a job: each file in the order added, and the
// total over all of them.
type Report struct {
	Files []File
	Total File
}

// Job accumulates the analysis of files in order: a segment whose source
// appeared earlier, in the same file or an earlier one, is a repetition.
type Job struct {
	seen   map[string]bool
	report Report
}

// NewJob returns an empty job.
func NewJob() *Job {
	return &Job{seen: make(map[string]bool), report: Report{Total: File{Name: "total"}}}
}

// Add analyses doc, named name in the report, against mem (nil: no
// memory). Lookups run on every core; the result does not depend on it.
func (j *Job) Add(name string, doc *segments.Document, mem *tm.Memory) {
	scores := bestScores(doc, mem)
	f := File{Name: name, SourceLang: doc.SourceLang.String(), TargetLang: doc.TargetLang.String()}
	for i := range doc.Segments {
		s := &doc.Segments[i]
		c := segmentCount(s)
		band := bandOf(scores[i])
		if k := segments.SourceKey(s.Source); k != "" {
			if j.seen[k] && band != Context {
				band = Repetition
			}
			j.seen[k] = true
		}
		f.Bands[band].add(c)
		f.Total.add(c)
		j.report.Total.Bands[band].add(c)
		j.report.Total.Total.add(c)
	}
	if j.report.Total.SourceLang == "" {
		j.report.Total.SourceLang, j.report.Total.TargetLang = f.SourceLang, f.TargetLang
	}
	j.report.Files = append(j.report.Files, f)
}

// Report returns the analysis of the files added so far.
func (j *Job) Report() Report {
	r := j.report
	r.Files = append([]File(nil), r.Files...)
	return r
}

// segmentCount counts one segment's source.
func segmentCount(s *segments.Segment) Count {
	return Count{
		Segments:   1,
		Words:      segments.WordCountCAT(s.Source),
		Characters: nonSpace(s.Source),
		Tags:       len(s.SourceTags) + 2*len(s.Wrap),
	}
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// bestScores returns the best memory score of each segment of doc (0: no
// match of at least MinScore), looking segments up in parallel.
func bestScores(doc *segments.Document, mem *tm.Memory) []int {
	scores := make([]int, len(doc.Segments))
	if mem == nil || mem.Len() == 0 {
		return scores
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(doc.Segments)/64))
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			for i := range next {
				if strings.TrimSpace(doc.Segments[i].Source) == "" {
					continue
				}
				if m := mem.Lookup(doc.Segments[i].Source, tm.SegmentContext(doc, i), MinScore, 1); len(m) > 0 {
					scores[i] = m[0].Score
				}
			}
		})
	}
	for i := range doc.Segments {
		next <- i
	}
	close(next)
	wg.Wait()
	return scores
}
