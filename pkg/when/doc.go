// Package when owns the `when` grammar of docs/records.md#when: the canonical text of a programme item's time
// (an interval, an interval over days, a working session, a day, several days, an ISO week, a month), its
// meaning as a half-open span of instants in the repo's timezone, and the rewriting of the dates and times
// that clerks type ("Sáng Thứ Sáu, 03/7/2026", "8h00-11h30 ngày 03/7") into that canonical text.
//
// It must not do I/O or read the clock (no time.Now, no zoneinfo files: the default zone is built in), so
// that every result depends on its arguments alone and `coord check --as-of` stays reproducible. It holds no
// mutable state. Every error it returns is an *i18n.Error, so a clerk reads it in Vietnamese.
package when
