package main

import (
	"strings"
	"testing"
)

func TestSegmentLanguageNotice(t *testing.T) {
	const de = "Die Bundesregierung hat am Dienstag ihren Haushaltsentwurf für das kommende Jahr vorgestellt. Die Gewerkschaften kritisieren die Kürzungen.\n"
	const fr = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine. Les syndicats dénoncent les économies.\n"
	const ja = "政府は火曜日に来年度の予算案を発表した。労働組合は公共サービスの削減を批判している。\n"
	tests := []struct {
		name, stdin string
		args        []string
		want        string // in stderr; "" for no notice
	}{
		{"German without --lang", de, []string{"-"}, "the article looks German, not French: it was segmented with the French rules (for German, use --lang de)"},
		{"Japanese without --lang", ja, []string{"-"}, "looks Japanese, not French"},
		{"German with --lang de", de, []string{"--lang", "de", "-"}, ""},
		{"German with --lang fr said", de, []string{"--lang", "fr", "-"}, ""},
		{"French", fr, []string{"-"}, ""},
		{"too short to tell", "Guten Tag.\n", []string{"-"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runSegment(t, tt.stdin, tt.args...)
			if code != 0 || out == "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			if tt.want == "" && strings.Contains(errOut, "notice") || !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr = %q, want it to contain %q", errOut, tt.want)
			}
		})
	}
}
