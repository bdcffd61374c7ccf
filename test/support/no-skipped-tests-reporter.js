// A Jest reporter that fails the run when any test was skipped or left as a todo: CI runs every test.
class NoSkippedTestsReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    if (skipped > 0) {
      console.error(`\n${skipped} test(s) were skipped or marked todo; every test must run.`);
      process.exitCode = 1;
    }
  }
}
module.exports = NoSkippedTestsReporter;
