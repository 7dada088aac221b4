import { readGradOutput, type ConvGeometry, type Tensor } from '../../src/engine';
import { lineLocator, readSelection } from '../../src/parse';
import { el } from '../dom';
import type { KeptChoices } from './keptChoices';

/** Which gradient of the loss at the output the backward pass starts from. */
export type GradOutputChoice = NonNullable<KeptChoices['gradOutput']>['choice'];

const CHOICES: [GradOutputChoice, string][] = [
  ['ones', 'ones (the loss out.sum())'],
  ['output', 'the output itself (the loss ½·Σ out²)'],
  ['own', 'your own'],
];

export interface GradOutputChooser {
  readonly element: HTMLElement;
  /** Chooses again what was chosen before this redraw of the same problem (ones if nothing was). */
  restore(): void;
}

/**
 * The grad_output chooser: ones, the output, or a matrix typed in a small textarea, read like a selection (JSON,
 * Python or numpy literal) and checked against the output's shape; a mistake is said with its line and column.
 * `onChoose` hears the tensor, or undefined for ones. The choice is kept in `kept`, so a redraw can restore it.
 */
export function gradOutputChooser(
  g: ConvGeometry,
  output: Tensor,
  kept: KeptChoices,
  onChoose: (gradOutput: Tensor | undefined) => void,
): GradOutputChooser {
  const error = el('p', { class: 'error-text', role: 'alert', 'data-role': 'grad-output-error', hidden: true });
  const text = el('textarea', {
    class: 'grad-output-text',
    rows: 3,
    spellcheck: 'false',
    'aria-label': 'grad_output, in the output’s shape',
    'data-role': 'grad-output-text',
    placeholder: '[[1, 0], [0, -1]]',
  });
  const apply = el(
    'button',
    { type: 'button', class: 'action', 'data-action': 'apply-grad-output' },
    'Use this grad_output',
  );
  const own = el('div', { class: 'grad-output-own', hidden: true }, text, apply, error);
  const say = (message: string | undefined) => {
    error.hidden = message === undefined;
    error.textContent = message ?? '';
  };
  const readOwn = () => {
    const source = text.value;
    const at = (offset: number) => {
      const { line, column } = lineLocator(source)(offset);
      return `line ${line}, column ${column}`;
    };
    const parsed = readSelection(source);
    if (!parsed.ok) return say(`${parsed.error.message} (${at(parsed.error.range.offset)})`);
    if (parsed.value.kind !== 'single') return say('Type one matrix: grad_output, in the output’s shape.');
    const matrix = parsed.value.matrix;
    const read = readGradOutput({ grad_output: matrix.value }, g);
    if (!read.ok) return say(`${read.error.message} (${at(matrix.locate(read.error.path.slice(1)).offset)})`);
    say(undefined);
    kept.gradOutput = { choice: 'own', text: source };
    onChoose(read.value);
  };
  const radios = CHOICES.map(([value, label]) => {
    const input = el('input', { type: 'radio', name: 'grad-output', value, checked: value === 'ones' });
    input.addEventListener('change', () => choose(value));
    return el('label', { class: 'choice' }, input, label);
  });
  function choose(value: GradOutputChoice): void {
    own.hidden = value !== 'own';
    say(undefined);
    if (value === 'ones') onChoose(undefined);
    else if (value === 'output') onChoose(output);
    else if (text.value.trim() !== '') readOwn();
    // A typed one is kept once it is used; until then the choice before it stands.
    if (value !== 'own') kept.gradOutput = { choice: value };
  }
  apply.addEventListener('click', readOwn);
  // Ctrl+Enter in the textarea uses it, as in a chat box; Enter alone is a new line.
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      readOwn();
    }
  });
  const element = el(
    'fieldset',
    { class: 'grad-output-chooser', 'data-role': 'grad-output-chooser' },
    el('legend', {}, 'grad_output, the loss’s gradient at the output:'),
    ...radios,
    own,
  );
  const restore = () => {
    const choice = kept.gradOutput ?? { choice: 'ones' };
    for (const label of radios) {
      const input = label.querySelector('input')!;
      input.checked = input.value === choice.choice;
    }
    if (choice.choice === 'own') text.value = choice.text;
    choose(choice.choice);
  };
  return { element, restore };
}
