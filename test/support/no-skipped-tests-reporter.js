// A Jest reporter that prints the plain "N passed, N failed" closing line CI reads. Under CI (CI=true) it also
// fails the run when a test was skipped, left as a todo or left out by a focus (it.only, describe.only and -t
// count the tests they leave out as skipped): CI runs every test. Locally a focused run is allowed and reported.
class NoSkippedTestsReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
    if (skipped > 0) {
      console.error(`\n${skipped} test(s) were skipped, focused out or marked todo: ${ci ? 'CI runs every test.' : 'allowed locally, refused under CI=true.'}`);
      if (ci) process.exitCode = 1;
    }
    console.log(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  }
}
module.exports = NoSkippedTestsReporter;
