package petition

import (
	"errors"
	"testing"

	"github.com/coordvn/coord/pkg/i18n"
	"github.com/coordvn/coord/pkg/record"
)

// An extension is applied to an accepted petition only, with a decision, without changing its status; it is
// then judged by the law's limits: it counts, the law gives none, they are used up, or it came too late.
func TestApplyAndCheckExtension(t *testing.T) {
	pol := tetPolicy(t, false)
	denunciation := func() *record.Petition {
		return &record.Petition{ID: "VPUBND-2027-000001", Type: "to-cao", Received: "2027-01-04", Status: Accepted,
			History: hist("2027-01-08", "accepted")}
	}
	extend := func(p *record.Petition, date string) error {
		if err := Apply(p, Step{Status: Extended, Date: date, By: "VPUBND", Decision: "12/QĐ-UBND"}); err != nil {
			return err
		}
		return CheckExtension(p, pol, false)
	}
	refused := func(err error, key string) {
		t.Helper()
		var e *i18n.Error
		if !errors.As(err, &e) || e.Msg.Key != key {
			t.Errorf("got %v, want the refusal %s", err, key)
		}
	}

	p := denunciation()
	if err := extend(p, "2027-02-11"); err != nil {
		t.Fatalf("an extension on the last day: %v", err)
	}
	if p.Status != Accepted || len(p.History) != 2 || p.History[1].Decision != "12/QĐ-UBND" || p.History[1].Action != Extended {
		t.Errorf("after the extension: status %s, history %+v", p.Status, p.History)
	}
	if err := extend(p, "2027-03-10"); err != nil {
		t.Fatalf("a second extension: %v", err)
	}
	refused(extend(p, "2027-03-11"), "petition.update.extend_used_up")

	refused(extend(denunciation(), "2027-02-12"), "petition.update.extend_late")

	q := denunciation()
	q.Type = "khieu-nai"
	refused(extend(q, "2027-01-20"), "petition.update.extend_not_allowed")

	r := denunciation()
	r.Status = Received
	refused(Apply(r, Step{Status: Extended, Date: "2027-01-20", Decision: "12/QĐ-UBND"}), "petition.update.extend_not_accepted")
	refused(Apply(denunciation(), Step{Status: Extended, Date: "2027-01-20"}), "petition.update.extend_no_decision")
	refused(Apply(denunciation(), Step{Status: Resolved, Date: "2027-01-20", Decision: "12/QĐ-UBND"}), "petition.update.decision_without_extend")
}
