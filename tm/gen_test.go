package tm

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The generator below makes realistic French/English sentence pairs for
// benchmarks: templates with parallel slots, filled from a vocabulary of
// tech and geopolitics words, with numbers and optional clauses so that
// lengths range from a few words to about forty.

type slot struct{ fr, en []string }

var genSlots = map[string]slot{
	"SUBJ": {
		fr: []string{"Le gouvernement", "La Commission européenne", "Le ministre de l'Économie", "La Chine", "Les États-Unis", "L'entreprise", "Le fournisseur", "La banque centrale", "Le conseil d'administration", "L'opérateur", "Le régulateur", "La startup", "Le Parlement", "L'armée", "Le président", "La direction", "Le syndicat", "L'agence de sécurité", "Le laboratoire", "Le fabricant"},
		en: []string{"The government", "The European Commission", "The economy minister", "China", "The United States", "The company", "The supplier", "The central bank", "The board", "The operator", "The regulator", "The startup", "Parliament", "The army", "The president", "Management", "The union", "The security agency", "The laboratory", "The manufacturer"},
	},
	"VERB": {
		fr: []string{"a annoncé", "a présenté", "a suspendu", "a financé", "a critiqué", "a lancé", "a retardé", "a validé", "a bloqué", "a publié", "a renforcé", "a abandonné", "a négocié", "a révisé", "a confirmé"},
		en: []string{"announced", "presented", "suspended", "funded", "criticised", "launched", "delayed", "approved", "blocked", "published", "strengthened", "dropped", "negotiated", "revised", "confirmed"},
	},
	"OBJ": {
		fr: []string{"un plan d'investissement", "une nouvelle stratégie", "le projet de loi", "l'accord commercial", "un programme de recherche", "la réforme des retraites", "le déploiement de la 5G", "une enquête sur les données", "les sanctions économiques", "le budget de la défense", "un centre de données", "la mise à jour du logiciel", "le partenariat industriel", "les tarifs douaniers", "une cyberattaque", "le réseau électrique", "la puce de nouvelle génération", "le traité de coopération", "l'infrastructure cloud", "le modèle d'intelligence artificielle"},
		en: []string{"an investment plan", "a new strategy", "the bill", "the trade agreement", "a research programme", "the pension reform", "the 5G rollout", "an inquiry into data", "the economic sanctions", "the defence budget", "a data centre", "the software update", "the industrial partnership", "the customs tariffs", "a cyberattack", "the power grid", "the next-generation chip", "the cooperation treaty", "the cloud infrastructure", "the artificial intelligence model"},
	},
	"WHEN": {
		fr: []string{"mardi", "hier soir", "la semaine dernière", "en janvier", "au premier trimestre", "depuis deux ans", "cette année", "lundi matin", "à la fin du mois", "en 2024"},
		en: []string{"on Tuesday", "last night", "last week", "in January", "in the first quarter", "for two years", "this year", "on Monday morning", "at the end of the month", "in 2024"},
	},
	"WHERE": {
		fr: []string{"à Paris", "à Bruxelles", "à Pékin", "à Washington", "en Afrique de l'Ouest", "au Japon", "dans la région", "en Europe centrale", "à Genève", "au Canada"},
		en: []string{"in Paris", "in Brussels", "in Beijing", "in Washington", "in West Africa", "in Japan", "in the region", "in Central Europe", "in Geneva", "in Canada"},
	},
	"ADJ": {
		fr: []string{"importante", "inattendue", "contestée", "majeure", "rapide", "progressive", "discrète", "historique"},
		en: []string{"significant", "unexpected", "contested", "major", "rapid", "gradual", "quiet", "historic"},
	},
	"UNIT": {
		fr: []string{"millions d'euros", "milliards de dollars", "pour cent", "emplois", "serveurs", "utilisateurs"},
		en: []string{"million euros", "billion dollars", "percent", "jobs", "servers", "users"},
	},
}

var genTemplates = [][2]string{
	{"{SUBJ} {VERB} {OBJ} {WHEN}.", "{SUBJ} {VERB} {OBJ} {WHEN}."},
	{"{SUBJ} {VERB} {OBJ} {WHERE} {WHEN}.", "{SUBJ} {VERB} {OBJ} {WHERE} {WHEN}."},
	{"{WHEN}, {SUBJ} {VERB} {OBJ}, une décision {ADJ} selon les analystes.", "{WHEN}, {SUBJ} {VERB} {OBJ}, a {ADJ} decision according to analysts."},
	{"Selon {SUBJ}, le coût atteindrait {NUM} {UNIT} {WHEN}.", "According to {SUBJ}, the cost would reach {NUM} {UNIT} {WHEN}."},
	{"{SUBJ} {VERB} {OBJ} pour un montant de {NUM} {UNIT}.", "{SUBJ} {VERB} {OBJ} for an amount of {NUM} {UNIT}."},
	{"Le taux est passé de {NUM} % à {NUM} % {WHEN}.", "The rate went from {NUM}% to {NUM}% {WHEN}."},
	{"Interrogé {WHERE}, le porte-parole a refusé de commenter {OBJ}, évoquant une situation {ADJ} qui pourrait évoluer {WHEN}.", "Asked {WHERE}, the spokesperson declined to comment on {OBJ}, citing a {ADJ} situation that could change {WHEN}."},
	{"{OBJ} concerne environ {NUM} {UNIT} {WHERE}.", "{OBJ} affects about {NUM} {UNIT} {WHERE}."},
	{"Pourquoi {SUBJ} {VERB} {OBJ} ?", "Why has {SUBJ} {VERB} {OBJ}?"},
	{"{SUBJ} {VERB} {OBJ} {WHEN}, tandis que {SUBJ} {VERB} {OBJ} {WHERE}, une évolution {ADJ} pour le secteur.", "{SUBJ} {VERB} {OBJ} {WHEN}, while {SUBJ} {VERB} {OBJ} {WHERE}, a {ADJ} development for the sector."},
	{"Conclusion", "Conclusion"},
	{"{ADJ} !", "{ADJ}!"},
}

// genPair fills a random template. Numbers are written in each language's
// format.
func genPair(r *rand.Rand) (fr, en string) {
	t := genTemplates[r.IntN(len(genTemplates))]
	fr, en = t[0], t[1]
	for {
		i := strings.IndexByte(fr, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(fr[i:], '}') + i
		name := fr[i+1 : j]
		var f, e string
		if name == "NUM" {
			whole, frac := r.IntN(2000), r.IntN(10)
			f, e = fmt.Sprintf("%d,%d", whole, frac), fmt.Sprintf("%d.%d", whole, frac)
		} else {
			s := genSlots[name]
			k := r.IntN(len(s.fr))
			f, e = s.fr[k], s.en[k]
		}
		if i == 0 {
			f, e = upperFirst(f), upperFirst(e)
		} else {
			f = lowerArticle(f)
		}
		fr = fr[:i] + f + fr[j+1:]
		en = strings.Replace(en, "{"+name+"}", e, 1)
	}
	return fr, upperFirst(en)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func lowerArticle(s string) string {
	for _, a := range []string{"Le ", "La ", "Les ", "L'", "Un ", "Une "} {
		if strings.HasPrefix(s, a) {
			return strings.ToLower(a) + s[len(a):]
		}
	}
	return s
}

// genUnits returns n generated units with a fixed seed.
func genUnits(n int, seed uint64) []Unit {
	r := rand.New(rand.NewPCG(seed, 7))
	units := make([]Unit, n)
	for i := range units {
		fr, en := genPair(r)
		units[i] = Unit{Source: fr, Target: en, SourceLang: "fr", TargetLang: "en", Origin: "gen.tmx"}
	}
	return units
}
