package workspace

// SetBatchFiles sets how many files of a year part Check reads at once, until the returned function is called.
func SetBatchFiles(n int) (restore func()) {
	old := batchFiles
	batchFiles = n
	return func() { batchFiles = old }
}
