package qa

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// A ref names an answer: its briefing, its paragraph, its sentences and the
// kind of question it answered, as
//
//	HHHHHHHH:PID:S[-E]K
//
// HHHHHHHH is the FNV-1a hash of the briefing's title and date; PID the
// passage's ID (or "h" and its hash, when long or odd); S the answer
// sentence's index in the passage, or S-E the sentences from S to E when
// the answer joins the one before; K one letter for the question's type.
// A paragraph's own ref is its first two parts. Refs depend only on the
// briefing's text, so they stay the same across reloads; they are at most
// maxRef bytes, with no spaces.
const maxRef = 40

// maxRefID bounds the passage ID part of a ref.
const maxRefID = 20

// typeLetters are the question types' letters in a ref, by qType.
const typeLetters = "aoismwnyhb"

// makeRef names a paragraph: the briefing's hash, a colon and the passage ID.
func (e *Engine) makeRef(b *knowledge.Briefing, id string) string {
	pid := id
	if len(pid) > maxRefID || pid == "" || strings.ContainsFunc(pid, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' || r == '.')
	}) {
		ph := fnv.New32a()
		ph.Write([]byte(pid))
		pid = fmt.Sprintf("h%08x", ph.Sum32())
	}
	for n := 0; ; n++ {
		h := fnv.New32a()
		h.Write([]byte(b.Title))
		h.Write([]byte{0})
		h.Write([]byte(b.Published))
		if n > 0 {
			fmt.Fprintf(h, "#%d", n) // the same briefing loaded twice, or a duplicate passage ID
		}
		ref := fmt.Sprintf("%08x:%s", h.Sum32(), pid)
		if _, taken := e.refs[ref]; !taken {
			return ref
		}
	}
}

// refOf names the answer at sentence di to a question of type t.
func (e *Engine) refOf(di int32, t qType) string {
	d := &e.docs[di]
	var buf [2 * maxRef]byte // built here, then copied once
	ref := append(append(buf[:0], e.paras[d.para].ref...), ':')
	at := len(ref)
	if j := e.joinsWith(di); j >= 0 && e.docs[j].para == d.para {
		ref = append(strconv.AppendInt(ref, int64(e.docs[j].sent), 10), '-')
	}
	ref = append(strconv.AppendInt(ref, int64(d.sent), 10), typeLetters[t])
	if len(ref) > maxRef {
		ref = append(strconv.AppendInt(ref[:at], int64(d.sent), 10), typeLetters[t])
	}
	return string(ref)
}

// A refPoint is what a ref names: a paragraph and, for an answer's ref,
// its sentence and the type of question it answered.
type refPoint struct {
	para   int
	doc    int32 // the answer sentence, or -1 for a paragraph's ref
	typ    qType
	hasTyp bool
}

// parseRef resolves ref, or reports false.
func (e *Engine) parseRef(ref string) (refPoint, bool) {
	if len(ref) > maxRef {
		return refPoint{}, false
	}
	if i, ok := e.refs[ref]; ok {
		return refPoint{para: i, doc: -1}, true
	}
	k := strings.LastIndexByte(ref, ':')
	if k < 0 {
		return refPoint{}, false
	}
	i, ok := e.refs[ref[:k]]
	if !ok {
		return refPoint{}, false
	}
	span := ref[k+1:]
	pt := refPoint{para: i, doc: -1}
	if n := len(span); n > 0 && 'a' <= span[n-1] && span[n-1] <= 'z' {
		t := strings.IndexByte(typeLetters, span[n-1])
		if t < 0 {
			return refPoint{}, false
		}
		pt.typ, pt.hasTyp = qType(t), true
		span = span[:n-1]
	}
	if first, last, ok := strings.Cut(span, "-"); ok {
		if !isDigits(first) {
			return refPoint{}, false
		}
		span = last
	}
	if !isDigits(span) {
		return refPoint{}, false
	}
	s, err := strconv.Atoi(span)
	if err != nil {
		return refPoint{}, false
	}
	pa := &e.paras[i]
	for di := pa.first; di < pa.first+pa.count; di++ {
		if int(e.docs[di].sent) == s {
			pt.doc = di
			return pt, true
		}
	}
	return refPoint{}, false
}

// Paragraph returns the paragraph an Answer.Ref or Match.Ref names.
func (e *Engine) Paragraph(ref string) (Paragraph, bool) {
	pt, ok := e.parseRef(ref)
	if !ok {
		return Paragraph{}, false
	}
	pa := e.paras[pt.para]
	return Paragraph{Text: pa.p.Text, Briefing: e.briefings[pa.b].Title, Section: pa.p.Section, Kind: string(pa.p.Kind)}, true
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
