package qa_test

import (
	"fmt"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

func ExampleEngine_Ask() {
	text := `title: Harbour bridge reopens
publisher: Example Herald
published: 2024-05-04
---
Harbour bridge reopens

The harbour bridge reopened to traffic on Friday after eight months of repairs.

"The deck is stronger than the day it opened," said Maria Silva, the city's chief engineer.
`
	b, err := knowledge.Parse("bridge.txt", []byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := qa.New(b)

	a := e.Ask("What did Maria Silva say?")
	fmt.Println(a.Passage)
	if a.Speaker != nil {
		fmt.Println("—", a.Speaker.Name)
	}

	a = e.Ask("Who won the Stanley Cup?")
	fmt.Println(a.Answered, a.Why)
	// Output:
	// "The deck is stronger than the day it opened," said Maria Silva, the city's chief engineer.
	// — Maria Silva
	// false the briefing doesn't mention Stanley Cup
}
