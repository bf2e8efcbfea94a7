package dates_test

import (
	"fmt"
	"time"

	"github.com/briefbot/briefbot/knowledge/dates"
)

func ExampleFind() {
	published := time.Date(2024, time.March, 23, 0, 0, 0, 0, time.UTC)
	for _, m := range dates.Find("The council met on Friday and will vote in early May.", published) {
		fmt.Printf("%q %s approx=%v\n", m.Expr, m.Date, m.Approx)
	}
	// Output:
	// "on Friday" 2024-03-22 approx=false
	// "in early May" 2024-05 approx=true
}
