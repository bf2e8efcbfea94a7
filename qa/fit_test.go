package qa

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

var tuneSetsFlag = flag.String("tunesets", "", "a JSON file listing further labelled sets to tune on: [{\"name\", \"article\", \"questions\", \"split\"}]")

// An extraSet names a labelled set outside the project: an article, its
// questions (a list, or an object whose "qa" holds them; a question with
// no any_of is unanswerable), and the split to keep ("" keeps all).
type extraSet struct {
	Name      string `json:"name"`
	Article   string `json:"article"`
	Questions string `json:"questions"`
	Split     string `json:"split"`
}

// extraSets reads the sets -tunesets lists, judged strictly.
func extraSets(tb testing.TB) []labelled {
	tb.Helper()
	if *tuneSetsFlag == "" {
		return nil
	}
	data, err := os.ReadFile(*tuneSetsFlag)
	if err != nil {
		tb.Fatal(err)
	}
	var sets []extraSet
	if err := json.Unmarshal(data, &sets); err != nil {
		tb.Fatalf("%s: %v", *tuneSetsFlag, err)
	}
	var out []labelled
	for _, s := range sets {
		text, err := os.ReadFile(s.Article)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := knowledge.Parse(filepath.Base(s.Article), text)
		if err != nil {
			tb.Fatalf("parse %s: %v", s.Article, err)
		}
		raw, err := os.ReadFile(s.Questions)
		if err != nil {
			tb.Fatal(err)
		}
		var cases []blindCase
		if err := json.Unmarshal(raw, &cases); err != nil {
			var gold struct {
				QA []blindCase `json:"qa"`
			}
			if err := json.Unmarshal(raw, &gold); err != nil {
				tb.Fatalf("%s: %v", s.Questions, err)
			}
			cases = gold.QA
		}
		var keep []qaCase
		for _, c := range cases {
			if s.Split != "" && c.Split != s.Split {
				continue
			}
			c.Unanswerable = c.Unanswerable || len(c.AnyOf) == 0
			keep = append(keep, c.qaCase)
		}
		out = append(out, labelled{s.Name, b, keep, true})
	}
	return out
}

// fitSets are what the answerability model is fitted on: the tune halves
// of the blind sets, the seed's and the fixtures' sets, and any -tunesets.
func fitSets(tb testing.TB) []labelled {
	tb.Helper()
	seed := mustParse(tb, "seed.txt")
	sets := []labelled{
		{"seed", seed, loadCases(tb, "testdata/seed-qa.json"), true},
		{"seed-extra", seed, loadCases(tb, "testdata/seed.tune.json"), false},
	}
	sets = append(sets, blindTune(tb)...)
	sets = append(sets, heldOut(tb)...)
	return append(sets, extraSets(tb)...)
}

// A fitRow is one candidate that offers the kind of answer asked for: its
// features and whether it is a right answer.
type fitRow struct {
	x     [numFeatures]float64
	right bool
}

// A fitQuestion is one question's candidates, in the order choose tries
// them.
type fitQuestion struct {
	unanswerable bool
	early        bool // declined before any candidate is tried
	rows         []fitRow
}

// collectRows asks every question of sets and keeps its candidates.
func collectRows(sets []labelled, tu tuning) []fitQuestion {
	var out []fitQuestion
	for _, s := range sets {
		e := newEngine(tu, s.b)
		for _, c := range s.cases {
			sc := e.ix.getScratch()
			out = append(out, e.candidateRows(s, c, sc))
			e.ix.putScratch(sc)
		}
	}
	return out
}

// candidateRows asks c and returns its candidates as choose would try
// them, judged as s judges.
func (e *Engine) candidateRows(s labelled, c qaCase, sc *scratch) fitQuestion {
	fq := fitQuestion{unanswerable: c.Unanswerable}
	qv, _, reason := e.read(c.Q, sc)
	if reason != "" {
		fq.early = true
		return fq
	}
	q := &qv
	e.ix.score(q.terms, sc)
	cands := e.rank(q, sc)
	offered := e.offers(q, cands, sc)
	for i, r := range offered {
		if r != accepted {
			continue
		}
		a := Answer{}
		e.fill(&a, q, cands[i])
		right := !c.Unanswerable && judge(c, a)
		if s.strict {
			right = !c.Unanswerable && passageRight(c, a)
		}
		fq.rows = append(fq.rows, fitRow{x: e.features(q, cands, i), right: right})
	}
	return fq
}

// fitLogit fits a logistic model to rows by Newton's method with an L2
// penalty of lambda on the weights (not the bias).
func fitLogit(rows []fitRow, lambda float64) logit {
	const n = numFeatures + 1
	var beta [n]float64
	for iter := 0; iter < 50; iter++ {
		var grad [n]float64
		var hess [n][n]float64
		for _, r := range rows {
			xs := append([]float64{1}, r.x[:]...)
			z := 0.0
			for j := range xs {
				z += beta[j] * xs[j]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if r.right {
				y = 1
			}
			for j := range xs {
				grad[j] += (p - y) * xs[j]
				for k := range xs {
					hess[j][k] += p * (1 - p) * xs[j] * xs[k]
				}
			}
		}
		for j := 1; j < n; j++ {
			grad[j] += lambda * beta[j]
			hess[j][j] += lambda
		}
		hess[0][0] += 1e-6
		step := solve(hess, grad)
		moved := 0.0
		for j := range beta {
			beta[j] -= step[j]
			moved = math.Max(moved, math.Abs(step[j]))
		}
		if moved < 1e-9 {
			break
		}
	}
	m := logit{bias: beta[0]}
	copy(m.w[:], beta[1:])
	return m
}

// solve solves a·x = b by Gaussian elimination with partial pivoting.
func solve(a [numFeatures + 1][numFeatures + 1]float64, b [numFeatures + 1]float64) [numFeatures + 1]float64 {
	const n = numFeatures + 1
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	var x [n]float64
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x
}

const (
	fitFolds  = 5   // the folds of the cross-validation
	fitLambda = 1.0 // the L2 penalty of the fit
	wrongCost = 2   // a wrong answer costs as much as this many questions missed
)

// fitThresholds are the points of the curve the fit prints.
var fitThresholds = []float64{0.3, 0.4, 0.5, 0.55, 0.6, 0.62, 0.63, 0.64, 0.645, 0.65, 0.66, 0.68, 0.7, 0.75, 0.8, 0.9}

// TestFitAnswerability fits the answerability model on the tuning sets
// and prints its coefficients as Go, its 5-fold cross-validated accuracy
// (by question, so a question's candidates are never split) and the
// precision/recall curve of its threshold in sample and out of fold, with
// the threshold whose cross-validated utility (answers right plus
// unanswerable questions declined, less wrongCost per wrong answer) is
// highest. Refit with
//
//	go test ./qa -run FitAnswerability -tune -v [-tunesets sets.json]
//
// then copy answerModel into confidence.go and set minConfidence.
func TestFitAnswerability(t *testing.T) {
	if !*tuneFlag {
		t.Skip("run with -tune")
	}
	sets := fitSets(t)
	qs := collectRows(sets, defaultTuning)
	var all []fitRow
	for _, fq := range qs {
		all = append(all, fq.rows...)
	}
	m := fitLogit(all, fitLambda)
	oof, accuracy := crossValidate(qs)

	var b strings.Builder
	fmt.Fprintf(&b, "\n%d questions, %d candidates; %d-fold cross-validated accuracy per candidate %.3f\n", len(qs), len(all), fitFolds, accuracy)
	fmt.Fprintf(&b, "var answerModel = logit{\n\tbias: %.3f,\n\tw: [numFeatures]float64{\n", m.bias)
	for i, w := range m.w {
		fmt.Fprintf(&b, "\t\tfeat%s: %.3f,\n", strings.ToUpper(featureNames[i][:1])+featureNames[i][1:], w)
	}
	fmt.Fprintf(&b, "\t},\n}\n")
	inSample := make([][]float64, len(qs))
	for i, fq := range qs {
		for _, r := range fq.rows {
			inSample[i] = append(inSample[i], m.prob(&r.x))
		}
	}
	fmt.Fprintf(&b, "\n%-9s | %-41s | %s\n", "threshold", "in sample: answerable, declined, wrong, precision", "cross-validated, utility")
	best, bestU := 0.0, math.MinInt
	for _, th := range fitThresholds {
		cv := curvePoint(qs, oof, th)
		if u := cv.utility(); u > bestU {
			best, bestU = th, u
		}
		fmt.Fprintf(&b, "%-9.3f | %-49s | %s  %d\n", th, curvePoint(qs, inSample, th), cv, cv.utility())
	}
	old := defaultTuning
	old.model = nil
	st := score(sets, old)
	fmt.Fprintf(&b, "best cross-validated utility at %.2f (minConfidence is %.2f)\n", best, defaultTuning.minConfidence)
	fmt.Fprintf(&b, "the thresholds alone (minCoverage %.2f, minRelation %.2f, minRelevance %.2f): %d/%d %d/%d %d\n",
		old.minCoverage, old.minRelation, old.minRelevance, st.hasAnsRight, st.hasAns, st.noAnsRight, st.noAns, st.wrong)
	t.Log(b.String())
}

// crossValidate fits the model fitFolds times, each time leaving out
// every fitFolds-th question, and returns the out-of-fold probability of
// each candidate and the share of candidates it classes right at 0.5.
func crossValidate(qs []fitQuestion) ([][]float64, float64) {
	oof := make([][]float64, len(qs))
	correct, total := 0, 0
	for f := 0; f < fitFolds; f++ {
		var train []fitRow
		for i, fq := range qs {
			if i%fitFolds != f {
				train = append(train, fq.rows...)
			}
		}
		m := fitLogit(train, fitLambda)
		for i := f; i < len(qs); i += fitFolds {
			for _, r := range qs[i].rows {
				p := m.prob(&r.x)
				oof[i] = append(oof[i], p)
				if p >= 0.5 == r.right {
					correct++
				}
				total++
			}
		}
	}
	return oof, float64(correct) / float64(max(total, 1))
}

// An outcome is how the tuning questions fare at one threshold.
type outcome struct{ ansRight, ans, declined, un, wrong int }

func (p outcome) String() string {
	return fmt.Sprintf("%3d/%-3d %3d/%-3d %3d  %.2f", p.ansRight, p.ans, p.declined, p.un, p.wrong, float64(p.ansRight)/float64(max(p.ansRight+p.wrong, 1)))
}

func (p outcome) utility() int { return p.ansRight + p.declined - wrongCost*p.wrong }

// curvePoint answers each question with its first candidate whose
// probability (prob[question][candidate]) is at least th.
func curvePoint(qs []fitQuestion, prob [][]float64, th float64) outcome {
	var p outcome
	for i, fq := range qs {
		if fq.unanswerable {
			p.un++
		} else {
			p.ans++
		}
		answered := false
		for k, r := range fq.rows {
			if prob[i][k] < th {
				continue
			}
			answered = true
			if r.right {
				p.ansRight++
			} else {
				p.wrong++
			}
			break
		}
		if !answered && fq.unanswerable {
			p.declined++
		}
	}
	return p
}

// TestFitLogit fits data drawn from a known model and gets it back.
func TestFitLogit(t *testing.T) {
	var want logit
	want.bias, want.w[featCoverage], want.w[featMargin] = -2, 4, -3
	r := rand.New(rand.NewSource(1))
	var rows []fitRow
	for range 6000 {
		var x [numFeatures]float64
		x[featCoverage], x[featMargin] = r.Float64(), r.Float64()*2-1
		rows = append(rows, fitRow{x: x, right: r.Float64() < want.prob(&x)})
	}
	got := fitLogit(rows, 0)
	if math.Abs(got.bias-want.bias) > 0.4 {
		t.Errorf("bias %.2f, want %.2f", got.bias, want.bias)
	}
	for f := range numFeatures {
		if math.Abs(got.w[f]-want.w[f]) > 0.4 {
			t.Errorf("weight of %s %.2f, want %.2f", featureNames[f], got.w[f], want.w[f])
		}
	}
}

// TestAnswerModel checks the fitted model's sense: more of the question
// covered, or a clearer lead over the other candidates, makes an answer
// more likely; words no briefing has make it less likely; a candidate that
// covers the whole question at the top with a lead answers, one that
// covers a third of it below another does not.
func TestAnswerModel(t *testing.T) {
	var strong, weak [numFeatures]float64
	strong[featCoverage], strong[featRelation], strong[featExact], strong[featNames] = 1, 1, 1, 1
	strong[featRelevance], strong[featMargin], strong[featFirst], strong[featTerms] = 1, 0.5, 1, math.Log(3)
	weak = strong
	weak[featCoverage], weak[featRelation], weak[featExact], weak[featMargin], weak[featFirst] = 0.33, 0.33, 0.33, -0.3, 0
	if p := answerModel.prob(&strong); p < defaultTuning.minConfidence {
		t.Errorf("a full match at the top: P = %.2f, below %.2f", p, defaultTuning.minConfidence)
	}
	if p := answerModel.prob(&weak); p >= defaultTuning.minConfidence {
		t.Errorf("a third of the question, outranked: P = %.2f, at least %.2f", p, defaultTuning.minConfidence)
	}
	for _, f := range []int{featCoverage, featMargin, featFirst} {
		if answerModel.w[f] <= 0 {
			t.Errorf("weight of %s is %.2f, want positive", featureNames[f], answerModel.w[f])
		}
	}
	if answerModel.w[featUnknown] >= 0 {
		t.Errorf("weight of unknown words is %.2f, want negative", answerModel.w[featUnknown])
	}
}
