// Command trad is a translation-assist terminal UI: it segments an article,
// opens a side-by-side editor with glossary help and exports the bilingual
// result. See README.md.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
