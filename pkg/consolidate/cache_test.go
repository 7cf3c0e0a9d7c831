package consolidate_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/coordvn/coord/examples"
	"github.com/coordvn/coord/pkg/consolidate"
	"github.com/coordvn/coord/pkg/datarepo"
	"github.com/coordvn/coord/pkg/datarepo/synth"
	"github.com/coordvn/coord/pkg/period"
	"github.com/coordvn/coord/pkg/record"
	"github.com/coordvn/coord/pkg/workspace"
)

// TestRememberedIsWhatTheFileSays: the record a merge keeps for the next one is exactly what decoding the file
// it wrote gives — for the example quarter with its decisions and for a synthetic quarter of 2,000 items — and
// it is recalled only while the file holds those bytes.
func TestRememberedIsWhatTheFileSays(t *testing.T) {
	v, err := record.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	q3 := period.Period{Kind: period.Quarter, Year: 2026, N: 3}
	example := t.TempDir()
	if err := examples.WriteProvince(example, ""); err != nil {
		t.Fatal(err)
	}
	big := t.TempDir()
	if err := synth.WriteQuarter(big, 2000, 60); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{example, big} {
		if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
			t.Fatal(err)
		}
		asOf := func(loc *time.Location) (time.Time, error) { return time.Date(2026, 6, 15, 0, 0, 0, 0, loc), nil }
		l, err := workspace.LoadPeriod(root, q3, nil, workspace.Options{AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		res := consolidate.Consolidate(l.Ctx, q3, nil, nil)
		if props := res.Suggest(); len(props) > 0 {
			next, _, err := res.Accept(props, nil, "VPTU")
			if err != nil {
				t.Fatal(err)
			}
			res = next
		}
		data, err := consolidate.Encode(res.C)
		if err != nil {
			t.Fatal(err)
		}
		rel := datarepo.ConsolidatedPath(q3)
		if err := os.MkdirAll(filepath.Join(root, "consolidated", "2026"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(rel)), data, 0o644); err != nil {
			t.Fatal(err)
		}
		consolidate.Remember(root, q3, data, res.C)
		got, ok := consolidate.Recall(root, q3)
		if !ok {
			t.Fatal("the record just written is not recalled")
		}
		want := record.Decode(rel, data, v)
		if !want.Clean {
			t.Fatalf("the record merge wrote has problems: %v", want.Problems)
		}
		if !reflect.DeepEqual(got, want.Value) {
			t.Fatalf("the record kept differs from the file's:\nkept %+v\nfile %+v", got, want.Value)
		}
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(rel)), append(data, "# sửa tay\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := consolidate.Recall(root, q3); ok {
			t.Fatal("a record edited since it was written is recalled")
		}
	}
}
