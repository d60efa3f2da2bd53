// A tiny test harness for the two programs here: named checks, a summary line, an exit code.

let passed = 0;
let failed = 0;

/** Runs one named check; an exception or a false result fails it. */
export async function check(name: string, body: () => Promise<string>): Promise<void> {
  try {
    const detail = await body();
    passed++;
    console.log(`ok   ${name}: ${detail}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function expect(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

/** Prints "N passed, N failed" and sets the exit code. */
export function summary(label: string): void {
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}
