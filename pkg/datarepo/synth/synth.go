// Package synth writes synthetic data repos for benchmarks: a province's registry and many records, valid
// and deterministic (seeded). It is test tooling; no command uses it.
package synth

import (
	"encoding/base64"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"github.com/coordvn/coord/examples"
)

// Write copies the example province's settings and registry into dir and adds n records — documents,
// conclusions and petitions spread over ten years and three offices — and the three offices' programmes of
// every quarter from 2017 to 2026 but 2026-Q3 (the example's, WriteRepo adds them).
func Write(dir string, n int, seed int64) error {
	for _, p := range []string{"coord.yaml", "registry/offices.yaml", "registry/people.yaml", "registry/places.yaml", "registry/holidays.yaml"} {
		b, err := examples.Province.ReadFile("province/" + p)
		if err != nil {
			return err
		}
		if err := write(filepath.Join(dir, p), b); err != nil {
			return err
		}
	}
	if err := writeProgrammes(dir, rand.New(rand.NewSource(seed^0x5eed)), "2026-Q3"); err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(seed))
	offices := []string{"VPTU", "VPDBHD", "VPUBND"}
	types := []string{"BC", "KH", "TB", "CV"}
	seq := map[string]int{}
	var last struct { // the petition written last: a repeat petitioner takes its index and matter
		office string
		index  int64
		num    int
	}
	for i := 0; i < n; i++ {
		year := 2017 + (i/10)%10 // every year holds every kind, in the proportions below
		office := offices[rng.Intn(3)]
		date := fmt.Sprintf("%d-%02d-%02d", year, 1+rng.Intn(12), 1+rng.Intn(28))
		var path, body string
		switch i % 10 {
		case 0, 1, 2, 3, 4, 5: // documents (state form, numbered per issuer per year)
			key := fmt.Sprintf("%s%d", office, year)
			seq[key]++
			t := types[rng.Intn(len(types))]
			num := fmt.Sprintf("%d/%s-%s", seq[key], t, office)
			if t == "CV" {
				num = fmt.Sprintf("%d/%s-TH", seq[key], office)
			}
			path = fmt.Sprintf("documents/%d/%s/d%06d.yaml", year, office, i)
			body = fmt.Sprintf("kind: document\nnumber: %s\ntype: %s\ndate: %s\nissuer: %s\nsummary: Báo cáo tình hình thực hiện nhiệm vụ số %d\nrecipients: [%s]\n",
				num, t, date, office, i, offices[(rng.Intn(2)+1+indexOf(offices, office))%3])
		case 6, 7, 8: // petitions, handled (ten years on, none is still open: petition/overdue has nothing to say)
			index, num := rng.Int63(), i
			if i%200 == 16 && last.office != "" {
				// One record in 200: the person of the petition before sent the same matter to another office
				// (petition/duplicate: the same blind index, a similar subject).
				index, num = last.index, last.num
				if office == last.office {
					office = offices[(indexOf(offices, office)+1)%3]
				}
			}
			last.office, last.index, last.num = office, index, num
			id := fmt.Sprintf("%s-%d-%06d", office, year, i)
			path = fmt.Sprintf("petitions/%d/%s/%s.yaml", year, office, id)
			body = fmt.Sprintf("kind: petition\nid: %s\noffice: %s\ntype: %s\nreceived: %s\nchannel: buu-chinh\npeople: 1\nsubject: Kiến nghị về đất đai số %d\nlocality: xa-long-thanh\npetitioner: ENC[age,%s]\npetitioner_index: bi1:%064x\nstatus: resolved\nhistory: [{date: %s, action: received, by: %s}, {date: %s, action: resolved, by: %s}]\n",
				id, office, []string{"khieu-nai", "to-cao", "kien-nghi", "phan-anh"}[rng.Intn(4)], date, num, sealed, index, date, office, date, office)
		default: // conclusions (Party notices of VPTU, state ones otherwise)
			key := fmt.Sprintf("TB%s%d", office, year)
			seq[key]++
			num := fmt.Sprintf("%d/TB-%s", seq[key], office)
			path = fmt.Sprintf("conclusions/%d/%s/c%06d.yaml", year, office, i)
			body = fmt.Sprintf("kind: conclusion\nnumber: %s\noffice: %s\nmeeting: {date: %s}\nissued: %s\nrecipients: [VPTU]\ntasks:\n  - {id: t1, owner: %s, content: Triển khai kết luận, due: %s, status: done}\n",
				num, office, date, date, office, date)
		}
		if err := write(filepath.Join(dir, filepath.FromSlash(path)), []byte(body)); err != nil {
			return err
		}
	}
	return nil
}

// sealed is the base64 of a binary age file with one X25519 recipient stanza and a payload: well formed
// (petition/plaintext accepts it), decryptable by no one (it was never encrypted to a key).
var sealed = base64.StdEncoding.EncodeToString([]byte("age-encryption.org/v1\n-> X25519 " + strings.Repeat("A", 43) + "\n" +
	strings.Repeat("B", 42) + "A\n--- " + strings.Repeat("C", 42) + "A\n" + strings.Repeat("\x5a", 64)))

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return 0
}

func write(p string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}
