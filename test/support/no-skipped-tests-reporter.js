// A Jest reporter that fails the run when any test was skipped or left as a todo (CI runs every test), and
// prints the plain "N passed, N failed" closing line that CI reads.
class NoSkippedTestsReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    if (skipped > 0) {
      console.error(`\n${skipped} test(s) were skipped or marked todo; every test must run.`);
      process.exitCode = 1;
    }
    console.log(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  }
}
module.exports = NoSkippedTestsReporter;
