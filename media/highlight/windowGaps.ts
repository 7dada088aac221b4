import type { Contact } from '../../src/engine';

/**
 * The cells a dilated window spans but does not read: every position inside the box around the contacts of
 * one channel that no contact lands on. Empty without dilation.
 */
export function windowGaps(contacts: readonly Contact[]): { channel: number; y: number; x: number }[] {
  const boxes = new Map<number, { y0: number; y1: number; x0: number; x1: number; taps: Set<string> }>();
  for (const c of contacts) {
    const box = boxes.get(c.channel) ?? { y0: c.y, y1: c.y, x0: c.x, x1: c.x, taps: new Set<string>() };
    box.y0 = Math.min(box.y0, c.y);
    box.y1 = Math.max(box.y1, c.y);
    box.x0 = Math.min(box.x0, c.x);
    box.x1 = Math.max(box.x1, c.x);
    box.taps.add(`${c.y},${c.x}`);
    boxes.set(c.channel, box);
  }
  const gaps: { channel: number; y: number; x: number }[] = [];
  for (const [channel, box] of boxes) {
    for (let y = box.y0; y <= box.y1; y++)
      for (let x = box.x0; x <= box.x1; x++) if (!box.taps.has(`${y},${x}`)) gaps.push({ channel, y, x });
  }
  return gaps;
}
