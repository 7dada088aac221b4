/**
 * Characters the parse layer has scanned since the process started, summed over every pass. Tests read it to check
 * that the work on a hostile text grows with the text and no faster: a count is stable on a busy machine, a time
 * is not.
 */
export const scanned = { characters: 0 };

/** The characters one search may still read; a search that would read more gives up instead. */
export class ScanBudget {
  constructor(private left: number) {}

  /** Counts `characters` about to be read; false once they are more than the budget has left. */
  take(characters: number): boolean {
    scanned.characters += characters;
    this.left -= characters;
    return this.left >= 0;
  }
}
