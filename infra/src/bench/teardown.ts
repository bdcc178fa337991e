/**
 * What a run started, to stop in reverse order exactly once, whether the run ended, failed or
 * was interrupted. A step that fails is reported and the others still run.
 */
export class Teardown {
  private readonly steps: { what: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  add(what: string, run: () => Promise<void>): void {
    this.steps.push({ what, run });
  }

  run(log: (line: string) => void): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        await step.run().catch((error: Error) => log(`could not ${step.what}: ${error.message}`));
      }
    })();
    return this.running;
  }
}
