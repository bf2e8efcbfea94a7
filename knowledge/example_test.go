package knowledge_test

import (
	"fmt"

	"github.com/briefbot/briefbot/knowledge"
)

func ExampleParse() {
	article := `title: Port strike enters second week
publisher: Example Wire
published: 2024-09-10
---
Port strike enters second week

Dockworkers stayed off the job for an eighth day on Monday, the union said.

"We have put a fair deal on the table," said Peter Grant, a spokesman for the port authority. "It is time to take it."

Source link
`
	b, err := knowledge.Parse("strike.txt", []byte(article))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Title, "|", b.Published)
	for _, q := range b.Quotes {
		fmt.Printf("%q: %s, %s\n", q.Text, q.Speaker, q.Role)
	}
	for _, e := range b.Events {
		fmt.Println(e.Date, e.Expression)
	}
	// Output:
	// Port strike enters second week | 2024-09-10
	// "We have put a fair deal on the table": Peter Grant, spokesman for the port authority
	// "It is time to take it.": Peter Grant, spokesman for the port authority
	// 2024-09-09 on Monday
}
