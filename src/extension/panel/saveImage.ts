import * as vscode from 'vscode';
import { FromWebviewMessage } from '../../protocol';

type SaveImageMessage = Extract<FromWebviewMessage, { type: 'saveImage' }>;

const FILTERS: Record<SaveImageMessage['format'], Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
};

/**
 * Writes a picture the page prepared (already validated by `parseFromWebview`) to where the user says in a
 * save dialog, and nowhere else. Resolves to the path written, or undefined when cancelled or failed.
 */
export async function saveImage(message: SaveImageMessage, log: (text: string) => void): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: `ConvLens: save the matrices as ${message.format.toUpperCase()}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, message.fileName) : undefined,
    filters: FILTERS[message.format],
    saveLabel: 'Save image',
  });
  if (!target) return undefined;
  try {
    const bytes = message.format === 'png' ? Buffer.from(message.data, 'base64') : Buffer.from(message.data, 'utf8');
    await vscode.workspace.fs.writeFile(target, bytes);
    vscode.window.setStatusBarMessage(`ConvLens: saved ${vscode.workspace.asRelativePath(target)}`, 5000);
    return target.fsPath;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    log(`ConvLens panel: saving ${target.toString()} failed: ${reason}`);
    void vscode.window.showErrorMessage(`ConvLens: could not save the image: ${reason}`);
    return undefined;
  }
}
