package docnum

// Keys lists every message key this package can return, for the catalog tests.
func Keys() []string {
	return []string{KeyEmpty, KeyTooLong, KeyPrefix, KeySpace, KeyDash, KeyChar, KeyNoSlash, KeySeq, KeyYear,
		KeyStateForm, KeyPartyForm, KeyStateType, KeyStateTypeHint, KeyPartyType, KeyPartyTypeHint,
		KeyEmptyIssuer, KeyEmptyPart}
}

// StateTypes returns the state type abbreviations (a copy: callers may not change the list).
func StateTypes() []string { return append([]string(nil), stateTypes...) }

// PartyTypes returns the Party type abbreviations (a copy).
func PartyTypes() []string { return append([]string(nil), partyTypes...) }
