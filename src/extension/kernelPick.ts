import * as vscode from 'vscode';
import { formatNumber } from '../format/numberText';
import { readSelection } from '../parse';
import { WHAT_TO_SELECT } from '../parse/messages';
import { KERNEL_PRESETS } from '../presets';
import { NumberFormat } from '../protocol/messages';

const RECENT_KEY = 'convlens.recentKernels';
const MAX_RECENT = 5;
const EXAMPLE = '[[1, 0], [0, -1]]';

interface KernelItem extends vscode.QuickPickItem {
  kernel?: unknown;
}

/** Parses a kernel typed by the user; returns the message to show while it is not a matrix. */
function kernelFromText(text: string): { kernel?: unknown; problem?: string } {
  const typeOne = `Type one matrix, e.g. ${EXAMPLE}.`;
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
function shapeText(value: unknown): string {
  const dims: number[] = [];
  for (let v = value; Array.isArray(v); v = v[0]) dims.push(v.length);
  return dims.join('×');
}

/**
 * The rows: first the one that asks for a kernel to be typed, so a reflexive Enter never convolves with a kernel
 * the user did not choose; then recently used kernels, newest first; then the presets. Each shows its values.
 */
function kernelItems(recent: unknown[], format: NumberFormat): KernelItem[] {
  const presetName = new Map(KERNEL_PRESETS.map((p) => [JSON.stringify(p.kernel), p.label]));
  return [
    { label: '$(edit) Enter a kernel as JSON…', detail: `a JSON or Python list, e.g. ${EXAMPLE}`, alwaysShow: true },
    ...(recent.length ? [{ label: 'recently used', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...recent.map((kernel) => ({
      label: presetName.get(JSON.stringify(kernel)) ?? `Kernel ${shapeText(kernel)}`,
      detail: valuesText(kernel, format),
      kernel,
    })),
    { label: 'presets', kind: vscode.QuickPickItemKind.Separator },
    ...KERNEL_PRESETS.map((p) => ({
      label: p.label,
      description: p.description,
      detail: valuesText(p.kernel, format),
      kernel: p.kernel,
    })),
  ];
}

/**
 * Asks which kernel to convolve a lone matrix with: one typed as JSON, recently used kernels, or the presets.
 * Resolves to undefined when the user cancels.
 */
export async function pickKernel(state: vscode.Memento, format: NumberFormat): Promise<unknown> {
  const recent = state.get<unknown[]>(RECENT_KEY, []);
  const picked = await vscode.window.showQuickPick(kernelItems(recent, format), {
    title: 'ConvLens: convolve the matrix with which kernel?',
    placeHolder: 'Type to filter by name or values, or press Enter to type a kernel',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  let kernel = picked.kernel;
  if (kernel === undefined) {
    const typed = await vscode.window.showInputBox({
      title: 'ConvLens: kernel',
      prompt: 'A matrix as JSON or a Python list',
      placeHolder: EXAMPLE,
      validateInput: (text) => kernelFromText(text).problem,
    });
    if (typed === undefined) return undefined;
    kernel = kernelFromText(typed).kernel;
  }
  const key = JSON.stringify(kernel);
  await state.update(RECENT_KEY, [kernel, ...recent.filter((k) => JSON.stringify(k) !== key)].slice(0, MAX_RECENT));
  return kernel;
}
