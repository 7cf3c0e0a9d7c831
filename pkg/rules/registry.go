package rules

// All returns every rule, in the order they run. Adding a rule: write its file, add it here.
func All() []Rule {
	return []Rule{
		yamlRule,
		schemaRule,
		pathRule,
		refOfficeRule,
		refBodyRule,
		refPersonRule,
		refPlaceRule,
		refLocalityRule,
		textNFCRule,
		whenInvalidRule,
		docNumberRule,
		deadlineLateRule,
		overlapPersonRule,
		overlapVenueRule,
		overlapLocalityRule,
		overlapTravelRule,
		overlapTentativeRule,
		jointMismatchRule,
		consolidatedStaleRule,
		authzPathRule,
		petitionPlaintextRule,
	}
}
