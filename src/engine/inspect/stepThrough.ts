import { cellsOf } from '../geometry';
import { ConvProblem } from '../spec';
import { Contact, contactsOfSmall } from './contacts';

/**
 * The forward op one small-grid cell at a time, for every rank: a conv slides its window to the next output cell and
 * sums the products (`kind: 'window'`); a transposed conv takes the next input cell and stamps the kernel, scaled,
 * into the output (`kind: 'scatter'`). Steps are numbered 0..count-1 in the small grid's row-major order.
 */
export type StepKind = 'window' | 'scatter';

export interface StepTerm {
  contact: Contact;
  /**
   * The input value the weight meets: in a conv's padding the cell a padding mode copies (`contact.source`), 0 in
   * zero padding.
   */
  value: number;
  weight: number;
  product: number;
  /**
   * window: the running sum of this output cell after this term; scatter: the target output cell's partial
   * sum after this stamp lands (undefined where the padding crops it away).
   */
  sum: number | undefined;
}

export interface StepDetail {
  index: number;
  /** The flat small-grid index: the output cell computed (window) or the input cell scattered (scatter). */
  small: number;
  /** window: the bias the sum starts from; scatter: the scattered input value. */
  start: number;
  terms: StepTerm[];
}

export const stepKind = (problem: ConvProblem): StepKind => (problem.geometry.transposed ? 'scatter' : 'window');

export const stepCount = (problem: ConvProblem): number => cellsOf(problem.geometry.small);

/** The small grid's channel of flat index `small`: the output channel whose bias a window starts from. */
const channelOf = (problem: ConvProblem, small: number): number => {
  const { channels } = problem.geometry.small;
  return Math.floor(small / (cellsOf(problem.geometry.small) / channels));
};

/** What a window reads at a contact: the input cell, the cell a padded copy copies, or 0. */
const readAt = (problem: ConvProblem, c: Contact): number => (c.source < 0 ? 0 : problem.input.data[c.source]);

/** One output cell's value from its window: bias plus the products, in kernel order. */
function windowSum(problem: ConvProblem, small: number): number {
  let sum = problem.bias ? problem.bias[channelOf(problem, small)] : 0;
  for (const c of contactsOfSmall(problem, small)) sum += readAt(problem, c) * problem.weight.data[c.weightIndex];
  return sum;
}

/**
 * The output after steps 0..index (index -1: before the first). window: cells not reached yet are NaN;
 * scatter: the bias plus every stamp so far.
 */
export function outputAfter(problem: ConvProblem, index: number): Float64Array {
  const { channels } = problem.geometry.output;
  const out = new Float64Array(cellsOf(problem.geometry.output));
  const volume = out.length / channels;
  const last = Math.min(index, stepCount(problem) - 1);
  if (!problem.geometry.transposed) {
    out.fill(Number.NaN);
    for (let s = 0; s <= last; s++) out[s] = windowSum(problem, s);
    return out;
  }
  if (problem.bias) for (let c = 0; c < channels; c++) out.fill(problem.bias[c], c * volume, (c + 1) * volume);
  for (let s = 0; s <= last; s++) {
    const value = problem.input.data[s];
    for (const c of contactsOfSmall(problem, s))
      if (c.inside) out[c.source] += value * problem.weight.data[c.weightIndex];
  }
  return out;
}

export function stepDetail(problem: ConvProblem, index: number): StepDetail {
  const contacts = contactsOfSmall(problem, index);
  const weight = (c: Contact) => problem.weight.data[c.weightIndex];
  if (!problem.geometry.transposed) {
    let sum = problem.bias ? problem.bias[channelOf(problem, index)] : 0;
    const start = sum;
    const terms = contacts.map((contact): StepTerm => {
      const value = readAt(problem, contact);
      const product = value * weight(contact);
      sum += product;
      return { contact, value, weight: weight(contact), product, sum };
    });
    return { index, small: index, start, terms };
  }
  const before = outputAfter(problem, index - 1);
  const value = problem.input.data[index];
  const terms = contacts.map((contact): StepTerm => {
    const product = value * weight(contact);
    const sum = contact.inside ? (before[contact.source] += product) : undefined;
    return { contact, value, weight: weight(contact), product, sum };
  });
  return { index, small: index, start: value, terms };
}
