package qa

import (
	"math"
	"slices"
)

// Whether a candidate that offers the kind of answer asked for answers is
// decided by a logistic model over what the ranking already knows of it:
// how much of the question it covers, how much through the words
// themselves, its relevance, its lead over the other candidates, and what
// the question holds that no briefing does. The coefficients were fitted on
// the tuning sets by TestFitAnswerability, which prints them as Go with
// their cross-validated accuracy and the precision/recall curve of the
// threshold; refit with
//
//	go test ./qa -run FitAnswerability -tune -v -tunesets sets.json
//
// and copy answerModel here. tuning.minConfidence is the operating point
// chosen from that curve (see the README).

// The features of a candidate answer.
const (
	featCoverage  = iota // IDF-weighted share of the question covered (a related word or the paragraph covers less)
	featRelation         // the same over its relation words, the terms that are not names
	featExact            // the share covered by the question's own words in the sentence, its speaker or role
	featNames            // the share of its names (entities) covered
	featRelevance        // BM25 score over the question's total idf, capped
	featMargin           // its score minus the best other candidate's, over 10
	featFirst            // 1 for the best-ranked candidate (those a follow-up asks past aside)
	featUnknown          // the share of the question's idf in words no briefing has
	featTerms            // log of the number of terms an answer must cover
	featTyped            // 1 when the question asks for a kind of fact (who, when, how many, where, why), which the candidate offers
	featMissing          // the largest share of the question's idf in one term it does not cover at all
	featLength           // log of the sentence's words
	featOpen             // 1 for a what, how or yes/no question
	featContext          // the share of the question's idf found only in the paragraph
	featSpeaker          // 1 when the question asks what someone said and they said it
	numFeatures
)

// featureNames name the features as TestFitAnswerability prints them.
var featureNames = [numFeatures]string{
	"coverage", "relation", "exact", "names", "relevance", "margin", "first", "unknown",
	"terms", "typed", "missing", "length", "open", "context", "speaker",
}

// A logit is a logistic model: P = 1/(1+exp(-(bias + w·x))).
type logit struct {
	bias float64
	w    [numFeatures]float64
}

// prob returns the model's probability that a candidate with features x
// is a right answer.
func (m *logit) prob(x *[numFeatures]float64) float64 {
	z := m.bias
	for i, v := range x {
		z += m.w[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// answerModel is the fitted model (TestFitAnswerability -tune).
var answerModel = logit{
	bias: -3.025,
	w: [numFeatures]float64{
		featCoverage:  1.200,
		featRelation:  0.334,
		featExact:     0.825,
		featNames:     0.896,
		featRelevance: 0.227,
		featMargin:    2.042,
		featFirst:     1.177,
		featUnknown:   -0.781,
		featTerms:     0.398,
		featTyped:     0.373,
		featMissing:   -0.064,
		featLength:    -0.294,
		featOpen:      -0.416,
		featContext:   2.543,
		featSpeaker:   0.528,
	},
}

// features describes candidate i of cands as an answer to q. Its margin
// and rank are over every candidate but those a follow-up asks past, those
// that lack the kind of answer asked for included: being outranked by one
// is a sign that the question is about something else (measured: it
// separates better than the rank among those that offer the kind).
func (e *Engine) features(q *question, cands []cand, i int) [numFeatures]float64 {
	c := &cands[i]
	var x [numFeatures]float64
	x[featCoverage], x[featRelation] = c.cov, c.relCov
	var total, exact, names, namesGot, unknown, missing, context float64
	n := 0
	for k, t := range q.terms {
		if t.optional {
			continue
		}
		n++
		idf := float64(t.idf)
		total += idf
		bit := uint64(1) << uint(k)
		if c.full&bit != 0 {
			exact += idf
		}
		if c.para&bit != 0 {
			context += idf
		}
		if (c.full|c.half)&bit == 0 {
			missing = max(missing, idf)
		}
		if !t.known {
			unknown += idf
		}
		if t.entity {
			names += idf
			switch {
			case c.full&bit != 0:
				namesGot += idf
			case c.half&bit != 0:
				namesGot += weakCredit * idf
			}
		}
	}
	x[featExact] = share(exact, total, 0)
	x[featNames] = share(namesGot, names, 1)
	x[featUnknown] = share(unknown, total, 0)
	x[featMissing] = share(missing, total, 0)
	x[featContext] = share(context, total, 0)
	x[featLength] = math.Log(float64(1 + len(e.docs[c.d].toks)))
	x[featTerms] = math.Log(float64(max(n, 1)))
	if total > 0 {
		x[featRelevance] = min(float64(c.bm)/total, maxRelevance)
	}
	other, first := math.Inf(-1), true
	for k := range cands {
		if k == i || slices.Contains(q.exclude, cands[k].d) {
			continue // a follow-up's "what else" asks past the earlier answer
		}
		other = max(other, cands[k].score)
		first = first && k > i
	}
	if math.IsInf(other, -1) {
		x[featMargin] = 1
	} else {
		x[featMargin] = max(-1, min(1, (c.score-other)/10))
	}
	if first {
		x[featFirst] = 1
	}
	if q.typ == qSaid && len(q.speakers) > 0 && int(e.docs[c.d].speaker) == q.speakers[0] {
		x[featSpeaker] = 1
	}
	switch q.typ {
	case qWho, qWhoIs, qWhen, qHowMany, qWhere, qWhy:
		x[featTyped] = 1
	case qWhat, qHow, qYesNo:
		x[featOpen] = 1
	}
	return x
}
