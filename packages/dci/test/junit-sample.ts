/** A JUnit report with one passed, one failed and one skipped test case. */
export const junitXml = `<?xml version="1.0"?>
<testsuite name="smoke" tests="3">
  <testcase classname="boot" name="kernel" time="1.5"/>
  <testcase classname="boot" name="network" time="0.5"><failure message="no route" type="AssertionError">ping failed</failure></testcase>
  <testcase classname="boot" name="gpu"><skipped message="no gpu"/></testcase>
</testsuite>`;
