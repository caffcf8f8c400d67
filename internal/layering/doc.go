// Package layering holds no code: its test checks that the domain packages
// (segments, glossary, bitext, tm, qa, mt) stay free of terminal UI libraries.
package layering
