package tm_test

import (
	"fmt"

	"github.com/trad-project/trad/tm"
)

func ExampleMemory_Lookup() {
	m := tm.New("fr", "en")
	m.Add(
		tm.Unit{Source: "Le taux est de 3,5 %.", Target: "The rate is 3.5%.", Origin: "finance.tmx"},
		tm.Unit{Source: "La Chine a annoncé un nouveau plan quinquennal.", Target: "China announced a new five-year plan.", Origin: "news.tmx"},
	)
	for _, q := range []string{"Le taux est de 4,2 %.", "La Chine a présenté un nouveau plan quinquennal."} {
		for _, mt := range m.Lookup(q, tm.Context{}, tm.DefaultMin, 3) {
			fmt.Printf("%d%% %s (%s) substituted=%v\n", mt.Score, mt.Target, mt.Origin, mt.NumbersSubstituted)
		}
	}
	// Output:
	// 99% The rate is 4.2%. (finance.tmx) substituted=true
	// 87% China announced a new five-year plan. (news.tmx) substituted=false
}
