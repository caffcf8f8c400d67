package office

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// The fixtures are built here: Word and LibreOffice documents with
// hundreds of runs, tables, lists, footnotes, headers, comments, text boxes
// and images, written the way those programs write them (runs split by
// spell checking and revision ids, language marks, empty properties).

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`

// pngPixel is a 1×1 PNG.
var pngPixel = func() []byte {
	var b bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.RGBA{R: 200, A: 255})
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

type zipEntry struct {
	name  string
	data  string
	store bool
}

func buildZip(t testing.TB, entries []zipEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		m := zip.Deflate
		if e.store {
			m = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: m})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docxSpec says what genDOCX puts in a document.
type docxSpec struct {
	paras    int    // body paragraphs of mixed runs (each about 12 runs)
	body     string // extra body XML, after the generated paragraphs
	comments bool
}

// sentences of the generated paragraphs.
var genWords = []string{"Le", "chat", "noir", "dort", "sur", "le", "canapé", "du", "salon", "pendant", "que", "la", "pluie", "tombe"}

// genPara writes paragraph i: runs split by spell checking and revision
// ids, language marks, bold, italic, underline, superscript, a tab, a
// break, sometimes a link.
func genPara(b *strings.Builder, i int) {
	w := func(k int) string { return genWords[(i+k)%len(genWords)] }
	fmt.Fprintf(b, `<w:p w:rsidR="00A1%04X" w:rsidRDefault="00B2"><w:pPr><w:pStyle w:val="Normal"/><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:pPr>`, i%0xffff)
	fmt.Fprintf(b, `<w:r w:rsidRPr="00C3"><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">Phrase %d : %s </w:t></w:r>`, i, w(0))
	b.WriteString(`<w:proofErr w:type="spellStart"/>`)
	fmt.Fprintf(b, `<w:r w:rsidR="00D4"><w:t>%s</w:t></w:r>`, w(1))
	b.WriteString(`<w:proofErr w:type="spellEnd"/>`)
	fmt.Fprintf(b, `<w:r><w:rPr><w:lang w:val="fr-CA"/></w:rPr><w:t xml:space="preserve"> %s </w:t></w:r>`, w(2))
	fmt.Fprintf(b, `<w:r><w:rPr><w:b/><w:lang w:val="fr-FR"/></w:rPr><w:t>%s</w:t></w:r>`, w(3))
	fmt.Fprintf(b, `<w:r w:rsidR="00E5"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> %s</w:t></w:r>`, w(4))
	fmt.Fprintf(b, `<w:r><w:t xml:space="preserve"> et </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>%s</w:t></w:r>`, w(5))
	fmt.Fprintf(b, `<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve"> %s</w:t></w:r>`, w(6))
	fmt.Fprintf(b, `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>%d</w:t></w:r>`, i%9+1)
	b.WriteString(`<w:r><w:tab/><w:t xml:space="preserve">après la tabulation, </w:t></w:r>`)
	if i%3 == 0 {
		fmt.Fprintf(b, `<w:hyperlink r:id="rIdLink" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>un lien %d</w:t></w:r></w:hyperlink>`, i)
	}
	fmt.Fprintf(b, `<w:r><w:t xml:space="preserve"> %s %s.</w:t><w:br/><w:t>Ligne suivante ici.</w:t></w:r></w:p>`, w(7), w(8))
}

const docxImage = `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="95250" cy="95250"/><wp:docPr id="1" name="Image 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="pixel.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="95250" cy="95250"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`

// genDOCX builds a .docx.
func genDOCX(t testing.TB, spec docxSpec) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + wNS + `><w:body>`)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Un titre de document</w:t></w:r></w:p>`)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Paragraphedeliste"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Un élément de liste.</w:t></w:r></w:p>`)
	b.WriteString(`<w:p><w:r><w:t xml:space="preserve">Une note</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> et une image </w:t></w:r>` + docxImage + `<w:r><w:t xml:space="preserve"> dans le texte.</w:t></w:r></w:p>`)
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>`)
	for row := range 2 {
		b.WriteString(`<w:tr>`)
		for col := range 2 {
			fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Cellule %d-%d</w:t></w:r></w:p></w:tc>`, row, col)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	b.WriteString(`<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> du document</w:t></w:r><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/><w:r><w:t>.</w:t></w:r></w:p>`)
	b.WriteString(`<w:p><w:r><w:t xml:space="preserve">Une zone de texte : </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="914400" cy="457200"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="2" name="Zone 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>Texte dans la zone.</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect style="width:72pt;height:36pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Texte dans la zone.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Fin.</w:t></w:r></w:p>`)
	if spec.comments {
		b.WriteString(`<w:p><w:commentRangeStart w:id="5"/><w:r><w:t>Un passage commenté.</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="5"/></w:r></w:p>`)
	}
	for i := range spec.paras {
		genPara(&b, i)
	}
	b.WriteString(spec.body)
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`)
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/pixel.png"/><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/chat?a=1&amp;b=2" TargetMode="External"/>`
	ct := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`
	entries := []zipEntry{}
	if spec.comments {
		rels += `<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`
		ct += `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`
		entries = append(entries, zipEntry{name: "word/comments.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments ` + wNS + `><w:comment w:id="5" w:author="Relecteur" w:date="2026-01-01T00:00:00Z" w:initials="R"><w:p><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t>Vérifier ce passage.</w:t></w:r></w:p></w:comment></w:comments>`})
	}
	entries = append([]zipEntry{
		{name: "[Content_Types].xml", data: ct + `</Types>`},
		{name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{name: "word/document.xml", data: b.String()},
		{name: "word/_rels/document.xml.rels", data: rels + `</Relationships>`},
		{name: "word/styles.xml", data: docxStyles},
		{name: "word/footnotes.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ` + wNS + `><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Le texte de la note, en </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>italique</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p></w:footnote></w:footnotes>`},
		{name: "word/header1.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ` + wNS + `><w:p><w:r><w:t>En-tête du document</w:t></w:r></w:p></w:hdr>`},
		{name: "word/footer1.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ` + wNS + `><w:p><w:r><w:t>Pied de page</w:t></w:r></w:p></w:ftr>`},
		{name: "word/media/pixel.png", data: string(pngPixel), store: true},
	}, entries...)
	return buildZip(t, entries)
}

const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Paragraphedeliste"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style></w:styles>`

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:officeooo="http://openoffice.org/2009/office" office:version="1.3"`

// genODT builds an .odt; body is extra XML at the end of office:text.
func genODT(t testing.TB, paras int, body string) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<office:document-content " + odtNS + `><office:automatic-styles>`)
	b.WriteString(`<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties officeooo:rsid="001"/></style:style>`)
	b.WriteString(`<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>`)
	b.WriteString(`<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>`)
	b.WriteString(`<style:style style:name="T3" style:family="text"><style:text-properties officeooo:rsid="0042" fo:language="fr" fo:country="FR"/></style:style>`)
	b.WriteString(`<style:style style:name="T4" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>`)
	b.WriteString(`</office:automatic-styles><office:body><office:text>`)
	b.WriteString(`<text:h text:style-name="Heading_20_1" text:outline-level="1">Un titre de document</text:h>`)
	b.WriteString(`<text:list text:style-name="L1"><text:list-item><text:p text:style-name="P1">Un élément de liste.</text:p><text:list><text:list-item><text:p>Un sous-élément.</text:p></text:list-item></text:list></text:list-item></text:list>`)
	b.WriteString(`<text:p text:style-name="P1">Une note<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Le texte de la <text:span text:style-name="T2">note</text:span>.</text:p></text:note-body></text:note> et une image <draw:frame draw:name="Image1" text:anchor-type="as-char" svg:width="0.1cm" svg:height="0.1cm"><draw:image xlink:href="Pictures/pixel.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame> dans le texte.</text:p>`)
	b.WriteString(`<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>`)
	for row := range 2 {
		b.WriteString(`<table:table-row>`)
		for col := range 2 {
			fmt.Fprintf(&b, `<table:table-cell office:value-type="string"><text:p>Cellule %d-%d</text:p></table:table-cell>`, row, col)
		}
		b.WriteString(`</table:table-row>`)
	}
	b.WriteString(`</table:table>`)
	for i := range paras {
		w := func(k int) string { return genWords[(i+k)%len(genWords)] }
		fmt.Fprintf(&b, `<text:p text:style-name="P1">Phrase %d : %s <text:span text:style-name="T3">%s</text:span> <text:span text:style-name="T1">%s</text:span><text:span text:style-name="T1"> %s</text:span> et <text:span text:style-name="T2">%s</text:span><text:span text:style-name="T4">%d</text:span><text:tab/>après  la<text:s text:c="2"/>tabulation, <text:a xlink:type="simple" xlink:href="https://example.org/%d">un <text:span text:style-name="T1">lien</text:span></text:a> %s.<text:line-break/>Ligne suivante ici.<text:soft-page-break/></text:p>`,
			i, w(0), w(1), w(2), w(3), w(4), i%9+1, i, w(5))
	}
	b.WriteString(body)
	b.WriteString(`</office:text></office:body></office:document-content>`)
	styles := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ` + odtNS + `><office:styles><style:style style:name="Standard" style:family="paragraph"/></office:styles><office:automatic-styles><style:page-layout style:name="pm1"/></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p>En-tête du document</text:p></style:header><style:footer><text:p>Pied de page</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`
	return buildZip(t, []zipEntry{
		{name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true},
		{name: "content.xml", data: b.String()},
		{name: "styles.xml", data: styles},
		{name: "Pictures/pixel.png", data: string(pngPixel), store: true},
		{name: "META-INF/manifest.xml", data: `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="Pictures/pixel.png" manifest:media-type="image/png"/></manifest:manifest>`},
	})
}
