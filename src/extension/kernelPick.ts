import * as vscode from 'vscode';
import { formatNumber } from '../format/numberText';
import { literalWord } from '../hover/hoverSummary';
import { readSelection } from '../parse';
import { WHAT_TO_SELECT } from '../parse/messages';
import { KERNEL_EXAMPLES, KERNEL_PRESETS, kernelRankFor } from '../presets';
import { NumberFormat } from '../protocol/messages';

const RECENT_KEY = 'convlens.recentKernels';
const MAX_RECENT = 5;

interface KernelItem extends vscode.QuickPickItem {
  kernel?: unknown;
}

/** Parses a kernel of any rank typed by the user; returns the message to show while it is not one array. */
function kernelFromText(text: string, example: string): { kernel?: unknown; problem?: string } {
  const typeOne = `Type one array, e.g. ${example}.`;
  if (!text.trim()) return { problem: typeOne };
  const read = readSelection(text);
  // The parser's own advice is about selections in a document, not this box.
  if (!read.ok) return { problem: read.error.message.startsWith(WHAT_TO_SELECT) ? typeOne : read.error.message };
  if (read.value.kind !== 'single') return { problem: typeOne };
  return { kernel: read.value.matrix.value };
}

/** A kernel's values as the panel shows them, e.g. `[[0.1111, 0.1111], …]`. */
function valuesText(value: unknown, format: NumberFormat): string {
  if (Array.isArray(value)) return `[${value.map((v) => valuesText(v, format)).join(', ')}]`;
  return typeof value === 'number' ? formatNumber(value, format) : String(value);
}

/** `3×3`: the sizes along a nested array's first elements. */
function shapeOf(value: unknown): number[] {
  const dims: number[] = [];
  for (let v = value; Array.isArray(v); v = v[0]) dims.push(v.length);
  return dims;
}

/**
 * The rows for an input of `inputRank` dimensions: first the one that asks for a kernel (of any rank) to be typed,
 * so a reflexive Enter never convolves with a kernel the user did not choose; then the recently used kernels of the
 * rank that fits the input, newest first; then that rank's presets. Each shows its values.
 */
export function kernelItems(recent: unknown[], format: NumberFormat, inputRank: number): KernelItem[] {
  const rank = kernelRankFor(inputRank);
  const presets = KERNEL_PRESETS[rank];
  const presetName = new Map(presets.map((p) => [JSON.stringify(p.kernel), p.label]));
  const fitting = recent.filter((kernel) => shapeOf(kernel).length === rank);
  return [
    {
      label: '$(edit) Enter a kernel as JSON…',
      detail: `a JSON or Python list of any rank, e.g. ${KERNEL_EXAMPLES[rank]}`,
      alwaysShow: true,
    },
    ...(fitting.length ? [{ label: 'recently used', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...fitting.map((kernel) => ({
      label: presetName.get(JSON.stringify(kernel)) ?? `Kernel ${shapeOf(kernel).join('×')}`,
      detail: valuesText(kernel, format),
      kernel,
    })),
    { label: `${rank}-D presets`, kind: vscode.QuickPickItemKind.Separator },
    ...presets.map((p) => ({
      label: p.label,
      description: p.description,
      detail: valuesText(p.kernel, format),
      kernel: p.kernel,
    })),
  ];
}

/**
 * Asks which kernel to convolve a lone input of `inputRank` dimensions with: one typed as JSON, recently used
 * kernels, or the presets of the rank that fits. Resolves to undefined when the user cancels.
 */
export async function pickKernel(state: vscode.Memento, format: NumberFormat, inputRank: number): Promise<unknown> {
  const recent = state.get<unknown[]>(RECENT_KEY, []);
  const example = KERNEL_EXAMPLES[kernelRankFor(inputRank)];
  const picked = await vscode.window.showQuickPick(kernelItems(recent, format, inputRank), {
    title: `ConvLens: convolve the ${literalWord(inputRank)} with which kernel?`,
    placeHolder: 'Type to filter by name or values, or press Enter to type a kernel',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  let kernel = picked.kernel;
  if (kernel === undefined) {
    const typed = await vscode.window.showInputBox({
      title: 'ConvLens: kernel',
      prompt: 'An array of any rank as JSON or a Python list',
      placeHolder: example,
      validateInput: (text) => kernelFromText(text, example).problem,
    });
    if (typed === undefined) return undefined;
    kernel = kernelFromText(typed, example).kernel;
  }
  const key = JSON.stringify(kernel);
  await state.update(RECENT_KEY, [kernel, ...recent.filter((k) => JSON.stringify(k) !== key)].slice(0, MAX_RECENT));
  return kernel;
}
