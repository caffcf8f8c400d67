package memo

import (
	"fmt"
	"sync"
	"testing"
)

func TestBounded(t *testing.T) {
	c := Bounded[int]{Max: 3}
	for i := range 5 {
		c.Store(fmt.Sprint(i), i)
	}
	for i := range 5 {
		v, ok := c.Load(fmt.Sprint(i))
		if want := i < 3; ok != want || ok && v != i {
			t.Errorf("key %d: %d, %v; kept: %v", i, v, ok, want)
		}
	}
	c.Store("0", 9) // the first answer stays
	if v, _ := c.Load("0"); v != 0 {
		t.Errorf("key 0 rewritten: %d", v)
	}
	var wg sync.WaitGroup
	d := Bounded[string]{}
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				d.Store(fmt.Sprint(i%100), fmt.Sprint(g))
				d.Load(fmt.Sprint(i % 50))
			}
		}()
	}
	wg.Wait()
	if n := d.n.Load(); n != 100 {
		t.Errorf("%d entries counted, want 100", n)
	}
}
