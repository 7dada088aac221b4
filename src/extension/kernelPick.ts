import * as vscode from 'vscode';
import { readSelection } from '../parse';
import { KERNEL_PRESETS } from '../presets';

const RECENT_KEY = 'convlens.recentKernels';
const MAX_RECENT = 5;

interface KernelItem extends vscode.QuickPickItem {
  kernel?: unknown;
}

/** Parses a kernel typed by the user; returns the message to show while it is not a matrix. */
function kernelFromText(text: string): { kernel?: unknown; problem?: string } {
  const read = readSelection(text);
  if (!read.ok) return { problem: read.error.message };
  if (read.value.kind !== 'single') return { problem: 'Enter one matrix, e.g. [[1, 0], [0, -1]].' };
  return { kernel: read.value.matrix.value };
}

/**
 * Asks which kernel to convolve a lone matrix with: recently used kernels, the presets, or one typed as JSON.
 * Resolves to undefined when the user cancels.
 */
export async function pickKernel(state: vscode.Memento): Promise<unknown> {
  const recent = state.get<unknown[]>(RECENT_KEY, []);
  const items: KernelItem[] = [
    ...(recent.length ? [{ label: 'Recently used', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...recent.map((kernel) => ({ label: JSON.stringify(kernel), kernel })),
    { label: 'Presets', kind: vscode.QuickPickItemKind.Separator },
    ...KERNEL_PRESETS.map((p) => ({ label: p.label, description: p.detail, kernel: p.kernel })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(edit) Enter a kernel as JSON…', alwaysShow: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'ConvLens: convolve with which kernel?',
    placeHolder: 'A preset, a recent kernel, or your own',
  });
  if (!picked) return undefined;
  let kernel = picked.kernel;
  if (kernel === undefined) {
    const typed = await vscode.window.showInputBox({
      title: 'ConvLens: kernel',
      prompt: 'A matrix as JSON or a Python list, e.g. [[1, 0], [0, -1]]',
      validateInput: (text) => kernelFromText(text).problem,
    });
    if (typed === undefined) return undefined;
    kernel = kernelFromText(typed).kernel;
  }
  const key = JSON.stringify(kernel);
  await state.update(RECENT_KEY, [kernel, ...recent.filter((k) => JSON.stringify(k) !== key)].slice(0, MAX_RECENT));
  return kernel;
}
