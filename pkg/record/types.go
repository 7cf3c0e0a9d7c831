package record

// Kinds of record, as written in the `kind` field.
const (
	KindSettings     = "settings"
	KindOffices      = "offices"
	KindPeople       = "people"
	KindPlaces       = "places"
	KindHolidays     = "holidays"
	KindProgramme    = "programme"
	KindConsolidated = "consolidated"
	KindConclusion   = "conclusion"
	KindDocument     = "document"
	KindPetition     = "petition"
)

// Kinds lists every kind in a stable order (schemas are written in this order).
var Kinds = []string{KindSettings, KindOffices, KindPeople, KindPlaces, KindHolidays,
	KindProgramme, KindConsolidated, KindConclusion, KindDocument, KindPetition}

// Settings is coord.yaml.
type Settings struct {
	Kind        string `yaml:"kind"`
	Version     int    `yaml:"version"`
	Province    string `yaml:"province"`
	Timezone    string `yaml:"timezone,omitempty"`
	Coordinator string `yaml:"coordinator"`
	Host        Host   `yaml:"host,omitempty"`
	Issue       Issue  `yaml:"issue,omitempty"`
	Policy      Policy `yaml:"policy,omitempty"`
	// Suppressions silence one rule's findings, everywhere or on some paths, each with its reason (issue 9).
	Suppressions []Suppression `yaml:"suppressions,omitempty"`
	// CI says how the CI templates obtain coord (issue 9).
	CI CI `yaml:"ci,omitempty"`
	// Secrecy says where petitioners' identities are kept (issue 11).
	Secrecy Secrecy `yaml:"secrecy,omitempty"`
}

// Secrecy is the `secrecy` block of coord.yaml.
type Secrecy struct {
	// DenouncerIdentity: "repo" (default) seals a denouncer's identity (to-cao) to the handling office in the
	// shared repo; "local" keeps it out of the shared repo altogether, sealed on the receiving PC only.
	DenouncerIdentity string `yaml:"denouncer_identity,omitempty"`
}

// Where a denouncer's identity is kept (Secrecy.DenouncerIdentity).
const (
	IdentityInRepo = "repo"
	IdentityOnlyPC = "local"
)

// Suppression is one entry of `suppressions`: the findings of Rule (on Paths, when given) are not reported.
type Suppression struct {
	Rule   string   `yaml:"rule"`            // a rule id (coord rules)
	Reason string   `yaml:"reason"`          // why: mandatory, reviewed with the change to coord.yaml
	Paths  []string `yaml:"paths,omitempty"` // glob patterns of repo paths ("programmes/2026/Q3/*"); none: every file
}

// CI is how CI jobs obtain coord: a pinned version, the URL of its binary, and the binary's SHA-256.
type CI struct {
	Version   string `yaml:"version,omitempty"`    // the pinned release, replaces {version} in BinaryURL
	BinaryURL string `yaml:"binary_url,omitempty"` // https://…/coord-{os}-{arch}; {os} and {arch} are replaced
	SHA256    string `yaml:"sha256,omitempty"`     // the binary's SHA-256, checked before it runs
}

// Issue holds the defaults of the issued programme document (Guidance 36-HD/VPTW): `coord issue` flags
// override them.
type Issue struct {
	Series     string   `yaml:"series,omitempty"`      // the number's series after "<n>-": "CTr/TU"
	Issuer     string   `yaml:"issuer,omitempty"`      // the issuing body in the header: "TỈNH ỦY ĐỒNG NAI"
	OnBehalf   string   `yaml:"on_behalf,omitempty"`   // the "T/M …" line: "T/M BAN THƯỜNG VỤ"
	Signer     string   `yaml:"signer,omitempty"`      // the default signer, a person id
	ApprovedBy string   `yaml:"approved_by,omitempty"` // the body whose decision approve records: "TT-TU"
	Recipients []string `yaml:"recipients,omitempty"`  // the "Nơi nhận" lines
}

// Host is the rotation of the annual evaluation's host office.
type Host struct {
	Rotation  []string `yaml:"rotation,omitempty"`
	FirstYear int      `yaml:"first_year,omitempty"`
}

// Policy holds the optional overrides of the default deadline, session and petition policy.
// Every field is optional; zero values mean "use the default".
type Policy struct {
	Sessions      *SessionPolicy    `yaml:"sessions,omitempty"`
	Deadlines     *DeadlinePolicy   `yaml:"deadlines,omitempty"`
	Petitions     []PetitionLimit   `yaml:"petitions,omitempty"`
	PartyTerms    []string          `yaml:"party_terms,omitempty"`    // start dates (YYYY-MM-DD) of the Party committee's terms
	RequireSigned bool              `yaml:"require_signed,omitempty"` // every commit signed by a key of its author in the registry
	MaxFileBytes  int64             `yaml:"max_file_bytes,omitempty"` // records larger than this are refused unread
	Travel        map[string]int    `yaml:"travel,omitempty"`         // reserved: default travel minutes by locality id
	Extra         map[string]string `yaml:"extra,omitempty"`          // free-form notes, ignored by coord
	// PetitionRemind is how many working days before a petition's statutory deadline petition/overdue starts
	// reminding (info); 0 is the default (3).
	PetitionRemind int `yaml:"petition_remind_days,omitempty"`
	// ReceptionNotice is how many working days ahead a citizen reception day must be announced
	// (reception/notice); 0 is the default, 5 (Law on Citizen Reception 2013).
	ReceptionNotice int `yaml:"reception_notice_days,omitempty"`
}

// SessionPolicy gives the hours of the working sessions, as "HH:MM-HH:MM".
type SessionPolicy struct {
	Morning   string `yaml:"morning,omitempty"`
	Afternoon string `yaml:"afternoon,omitempty"`
	Evening   string `yaml:"evening,omitempty"`
}

// DeadlinePolicy overrides the submission deadlines of docs/rules.md (deadline/late).
type DeadlinePolicy struct {
	YearMonth  int    `yaml:"year_month,omitempty"`  // year Y programme: before day YearDay of this month of Y-1 (default 11)
	YearDay    int    `yaml:"year_day,omitempty"`    // default 30
	QuarterDay int    `yaml:"quarter_day,omitempty"` // quarter: before this day of the last month of the previous quarter (default 20)
	MonthDay   int    `yaml:"month_day,omitempty"`   // month: before this day of the previous month (default 25)
	Week       string `yaml:"week,omitempty"`        // week: weekday and time in the previous week, "thursday 17:00" (default)
}

// PetitionLimit is one statutory deadline, named and citing its article.
type PetitionLimit struct {
	Name        string `yaml:"name"`                   // e.g. khieu-nai-accept
	Type        string `yaml:"type"`                   // khieu-nai | to-cao | kien-nghi | phan-anh
	Step        string `yaml:"step"`                   // accept | resolve | forward | answer
	From        string `yaml:"from"`                   // received | accepted
	Days        int    `yaml:"days"`                   // the limit
	WorkingDays bool   `yaml:"working_days,omitempty"` // counted in working days
	Source      string `yaml:"source"`                 // the article
	// The cases the limit is for: a limit that sets one applies only to petitions of that case, and the most
	// specific limit that applies wins (docs/records.md, policy.petitions).
	Attempt int  `yaml:"attempt,omitempty"` // 1 or 2: first or second complaint only
	Complex bool `yaml:"complex,omitempty"` // complex cases only (`complex: true` on the petition)
	Remote  bool `yaml:"remote,omitempty"`  // petitions whose locality is remote (registry/places.yaml)
	// Extensions: how many times the step may be extended by a written decision, each by at most
	// ExtensionDays (counted like Days).
	Extensions    int `yaml:"extensions,omitempty"`
	ExtensionDays int `yaml:"extension_days,omitempty"`
}

// Offices is registry/offices.yaml.
type Offices struct {
	Kind    string   `yaml:"kind"`
	Bodies  []Body   `yaml:"bodies"`
	Offices []Office `yaml:"offices"`
	Admins  []Member `yaml:"admins,omitempty"` // who may change coord.yaml and what is not a record
}

// Body is a leadership body or another body that owns tasks.
type Body struct {
	Code string `yaml:"code"`
	Name string `yaml:"name"`
}

// Office is one of the coordinating offices.
type Office struct {
	Code       string   `yaml:"code"`
	Name       string   `yaml:"name"`
	Serves     []string `yaml:"serves,omitempty"`
	Members    []Member `yaml:"members,omitempty"`
	Recipients []string `yaml:"recipients,omitempty"`
}

// Member is a clerk of an office (commit author identity).
type Member struct {
	Name  string   `yaml:"name"`
	Email string   `yaml:"email"`
	Keys  []string `yaml:"keys,omitempty"` // public keys that verify the member's commit signatures (SSH or OpenPGP)
}

// People is registry/people.yaml.
type People struct {
	Kind   string   `yaml:"kind"`
	People []Person `yaml:"people"`
}

// Person is a leader.
type Person struct {
	ID               string     `yaml:"id"`
	Name             string     `yaml:"name"`
	Positions        []Position `yaml:"positions,omitempty"`
	ReceivesCitizens string     `yaml:"receives_citizens,omitempty"` // "" | monthly
}

// Position is a title held in a body.
type Position struct {
	Title string `yaml:"title"`
	Body  string `yaml:"body"`
}

// Places is registry/places.yaml.
type Places struct {
	Kind       string     `yaml:"kind"`
	Localities []Locality `yaml:"localities"`
	Venues     []Venue    `yaml:"venues"`
}

// Locality is a commune, ward or special zone (the district level no longer exists).
type Locality struct {
	ID       string         `yaml:"id"`
	Name     string         `yaml:"name"`
	Aliases  []string       `yaml:"aliases,omitempty"`
	Remote   bool           `yaml:"remote,omitempty"`    // a remote area (longer petition limits)
	Travel   int            `yaml:"travel,omitempty"`    // minutes to the provincial centre
	TravelTo map[string]int `yaml:"travel_to,omitempty"` // minutes to other localities, by id
}

// Venue is a named place where events are held.
type Venue struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Locality string   `yaml:"locality,omitempty"`
	Aliases  []string `yaml:"aliases,omitempty"`
	Capacity int      `yaml:"capacity,omitempty"`
}

// Holidays is registry/holidays.yaml.
type Holidays struct {
	Kind     string    `yaml:"kind"`
	Days     []Holiday `yaml:"days"`
	Workdays []Workday `yaml:"workdays,omitempty"`
}

// Holiday is one day (Date) or a range of days (From..To).
type Holiday struct {
	Date string `yaml:"date,omitempty"`
	From string `yaml:"from,omitempty"`
	To   string `yaml:"to,omitempty"`
	Name string `yaml:"name"`
}

// Workday is a make-up working day (usually a Saturday).
type Workday struct {
	Date string `yaml:"date"`
	Name string `yaml:"name,omitempty"`
}

// Programme is one office's work programme for one period.
type Programme struct {
	Kind       string `yaml:"kind"`
	Office     string `yaml:"office"`
	Period     string `yaml:"period"`
	LateReason string `yaml:"late_reason,omitempty"`
	Items      []Item `yaml:"items"`
}

// Item kinds.
var ItemKinds = []string{"meeting", "conference", "session", "field-trip", "reception", "liaison", "evaluation", "ceremony", "other"}

// Item is one event of a programme.
type Item struct {
	ID        string   `yaml:"id"`
	Title     string   `yaml:"title"`
	When      string   `yaml:"when"`
	Kind      string   `yaml:"kind"`
	Bodies    []string `yaml:"bodies"`
	Place     string   `yaml:"place,omitempty"`
	Locality  string   `yaml:"locality,omitempty"`
	Chair     []string `yaml:"chair,omitempty"`
	Attendees []string `yaml:"attendees,omitempty"`
	Joint     string   `yaml:"joint,omitempty"`
	Tentative bool     `yaml:"tentative,omitempty"`
	Note      string   `yaml:"note,omitempty"`
}

// Consolidated is the consolidated programme written by `coord merge`.
type Consolidated struct {
	Kind        string       `yaml:"kind"`
	Period      string       `yaml:"period"`
	Coordinator string       `yaml:"coordinator"`
	Status      string       `yaml:"status"` // draft | submitted | approved | issued
	Decision    *Decision    `yaml:"decision,omitempty"`
	Issued      string       `yaml:"issued,omitempty"` // date of issuance
	Number      string       `yaml:"number,omitempty"` // the issued programme's own number ("12-CTr/TU")
	Signer      string       `yaml:"signer,omitempty"` // who signs the issued programme (a person id)
	Sources     []Source     `yaml:"sources,omitempty"`
	Items       []MergedItem `yaml:"items"`
	Conflicts   []Conflict   `yaml:"conflicts,omitempty"`
	Adjustments []Adjustment `yaml:"adjustments,omitempty"`
}

// Decision is the approval: when, by which body, and the Standing Committee's notice when one is cited.
type Decision struct {
	Number string `yaml:"number,omitempty"`
	Date   string `yaml:"date"`
	By     string `yaml:"by,omitempty"`
}

// Source is one programme file that went into a consolidation, with its blob hash.
type Source struct {
	File   string `yaml:"file"`
	Office string `yaml:"office"`
	Hash   string `yaml:"hash,omitempty"`
}

// Origin locates a source item. When and Place are the office's own, written only when they differ from
// the merged item's (the parts of a joint event that disagree), so that "moved from" can name each one.
type Origin struct {
	File   string `yaml:"file"`
	Item   string `yaml:"item"`
	Office string `yaml:"office"`
	When   string `yaml:"when,omitempty"`
	Place  string `yaml:"place,omitempty"`
}

// MergedItem is an item of the consolidated programme.
type MergedItem struct {
	Item     `yaml:",inline"`
	Offices  []string `yaml:"offices"`
	Origins  []Origin `yaml:"origins"`
	Sequence int      `yaml:"sequence,omitempty"` // raised when the item changes (iCalendar SEQUENCE)
	Hash     string   `yaml:"hash,omitempty"`     // digest of the item's content, to detect changes
}

// Conflict is a finding recorded in the consolidated programme.
type Conflict struct {
	Rule     string   `yaml:"rule"`
	Severity string   `yaml:"severity"`
	Subject  string   `yaml:"subject,omitempty"`
	Items    []string `yaml:"items"`
	Message  string   `yaml:"message,omitempty"`
}

// Adjustment is a coordinator's decision on a conflicting item.
type Adjustment struct {
	Item   string `yaml:"item"`            // merged item id
	Action string `yaml:"action"`          // move | drop | keep
	When   string `yaml:"when,omitempty"`  // the new time, for move
	Place  string `yaml:"place,omitempty"` // a new place, for move (optional)
	Reason string `yaml:"reason,omitempty"`
	By     string `yaml:"by,omitempty"`
	Date   string `yaml:"date,omitempty"`
}

// Conclusion is a notice of the conclusions of a meeting, with its tasks.
type Conclusion struct {
	Kind       string   `yaml:"kind"`
	Number     string   `yaml:"number"`
	Office     string   `yaml:"office"`
	Title      string   `yaml:"title,omitempty"`
	Meeting    Meeting  `yaml:"meeting"`
	Issued     string   `yaml:"issued"`
	Recipients []string `yaml:"recipients,omitempty"`
	Tasks      []Task   `yaml:"tasks,omitempty"`
}

// Meeting names the meeting a conclusion comes from.
type Meeting struct {
	Date  string `yaml:"date"`
	Item  string `yaml:"item,omitempty"` // programmes/2026/Q2/VPTU.yaml#item-id
	Chair string `yaml:"chair,omitempty"`
}

// Task is one task of a conclusion.
type Task struct {
	ID      string       `yaml:"id"`
	Owner   string       `yaml:"owner"`
	Content string       `yaml:"content"`
	Due     string       `yaml:"due,omitempty"`
	Status  string       `yaml:"status"` // open | done | cancelled
	Updates []TaskUpdate `yaml:"updates,omitempty"`
}

// TaskUpdate is a progress note on a task.
type TaskUpdate struct {
	Date   string `yaml:"date"`
	By     string `yaml:"by"`
	Note   string `yaml:"note,omitempty"`
	Status string `yaml:"status,omitempty"`
}

// Document is an entry in the document register.
type Document struct {
	Kind       string   `yaml:"kind"`
	Number     string   `yaml:"number"`
	Type       string   `yaml:"type"`
	Date       string   `yaml:"date"`
	Issuer     string   `yaml:"issuer"`
	Summary    string   `yaml:"summary"`
	Recipients []string `yaml:"recipients,omitempty"`
	Attachment string   `yaml:"attachment,omitempty"`
}

// Petition is a citizen's complaint, denunciation, recommendation or reflection.
type Petition struct {
	Kind            string         `yaml:"kind"`
	ID              string         `yaml:"id"`
	Office          string         `yaml:"office"`
	Type            string         `yaml:"type"`              // khieu-nai | to-cao | kien-nghi | phan-anh
	Attempt         int            `yaml:"attempt,omitempty"` // 1 (default) or 2: second complaint
	Complex         bool           `yaml:"complex,omitempty"`
	Received        string         `yaml:"received"`
	Channel         string         `yaml:"channel"` // truc-tiep | buu-chinh | chuyen-den | truc-tuyen
	People          int            `yaml:"people"`
	Subject         string         `yaml:"subject"`
	Locality        string         `yaml:"locality,omitempty"`
	Petitioner      string         `yaml:"petitioner,omitempty"` // absent only for a to-cao kept on the receiving PC (secrecy)
	PetitionerIndex string         `yaml:"petitioner_index,omitempty"`
	Status          string         `yaml:"status"`
	History         []PetitionStep `yaml:"history,omitempty"`
}

// PetitionStep is one step in a petition's handling.
type PetitionStep struct {
	Date   string `yaml:"date"`
	Action string `yaml:"action"` // received | accepted | transferred | resolved | rejected | withdrawn | extended
	By     string `yaml:"by"`
	To     string `yaml:"to,omitempty"` // the office a petition was forwarded to
	// An extension (action: extended): the written decision that grants it and the days it adds (none: the
	// most the law allows, the limit's extension_days).
	Decision string `yaml:"decision,omitempty"`
	Days     int    `yaml:"days,omitempty"`
	Note     string `yaml:"note,omitempty"`
}
