package office

import (
	"errors"
	"io"
	"strconv"
	"strings"
)

// docxHeadingStyles reads word/styles.xml and returns the heading level of
// each paragraph style: by its name ("heading 1", "Title"; the style ids
// are translated in localised Word: "berschrift1", "Titre1") or its
// outline level, following basedOn.
func docxHeadingStyles(src []byte, name string) (map[string]int, error) {
	type style struct {
		name, basedOn string
		outline       int
	}
	styles := map[string]*style{}
	t := newTokens(src, name)
	var cur *style
	for {
		err := t.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if t.kind != tokStart {
			continue
		}
		switch t.name {
		case "w:style":
			cur = nil
			if t.attr("w:type") == "paragraph" {
				cur = &style{outline: -1}
				styles[t.attr("w:styleId")] = cur
			}
		case "w:name":
			if cur != nil {
				cur.name = strings.ToLower(t.attr("w:val"))
			}
		case "w:basedOn":
			if cur != nil {
				cur.basedOn = t.attr("w:val")
			}
		case "w:outlineLvl":
			if n, err := strconv.Atoi(t.attr("w:val")); err == nil && cur != nil && n >= 0 && n < 9 {
				cur.outline = n
			}
		}
	}
	level := func(s *style) int {
		switch {
		case s.name == "title":
			return 1
		case strings.HasPrefix(s.name, "heading "):
			if n, err := strconv.Atoi(strings.TrimPrefix(s.name, "heading ")); err == nil && n >= 1 {
				return min(n, 6)
			}
		case s.outline >= 0:
			return min(s.outline+1, 6)
		}
		return 0
	}
	out := map[string]int{}
	for id, s := range styles {
		for hops := 0; s != nil && hops < 10; hops++ { // basedOn may loop in a broken file
			if l := level(s); l > 0 {
				out[id] = l
				break
			}
			s = styles[s.basedOn]
		}
	}
	return out, nil
}

// docxLinks reads a part's relationships (word/_rels/document.xml.rels)
// and returns the target of each hyperlink relationship by id: the URL of
// a <w:hyperlink r:id>, which the part itself does not hold. (canon gives
// the unprefixed attributes the default namespace's prefix.)
func docxLinks(src []byte, name string) (map[string]string, error) {
	links := map[string]string{}
	t := newTokens(src, name)
	for {
		err := t.next()
		if errors.Is(err, io.EOF) {
			return links, nil
		}
		if err != nil {
			return nil, err
		}
		if t.kind == tokStart && t.name == "rel:Relationship" && strings.HasSuffix(t.attr("rel:Type"), "/hyperlink") {
			links[t.attr("rel:Id")] = t.attr("rel:Target")
		}
	}
}
