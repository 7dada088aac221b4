/** Counts what the fuzz suite tried and how each case ended, for the one summary line it prints. */
export class Tally {
  private computed = 0;
  private asked = 0;
  private readonly refused = new Map<string, number>();
  private slowest = { ms: 0, kind: '' };
  private totalMs = 0;

  record(kind: string, outcome: 'computed' | 'refused' | 'asked', ms: number): void {
    if (outcome === 'computed') this.computed++;
    else if (outcome === 'asked') this.asked++;
    else this.refused.set(kind, (this.refused.get(kind) ?? 0) + 1);
    this.totalMs += ms;
    if (ms > this.slowest.ms) this.slowest = { ms, kind };
  }

  get cases(): number {
    return this.computed + this.asked + [...this.refused.values()].reduce((a, b) => a + b, 0);
  }

  get computedCount(): number {
    return this.computed;
  }

  refusedCount(kind: string): number {
    return this.refused.get(kind) ?? 0;
  }

  /** e.g. `fuzz: 3000 selections: 1412 computed (all match reference), 1588 refused with located errors (by kind:
   * ragged 210, ...)` */
  summary(seed: number): string {
    const refused = this.cases - this.computed - this.asked;
    const kinds = [...this.refused]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    return (
      `fuzz: ${this.cases} selections: ${this.computed} computed (all match reference), ${refused} refused with located errors (by kind: ${kinds}), ` +
      `${this.asked} lone matrices asked for a kernel; ` +
      `seed ${seed}, ${(this.totalMs / 1000).toFixed(1)} s in the pipeline, slowest case ${this.slowest.ms.toFixed(0)} ms (${this.slowest.kind})`
    );
  }
}
