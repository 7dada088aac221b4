import * as vscode from 'vscode';
import { matricesPicture, pictureFileName } from '../../picture/matricesPicture';
import { ConvView, FromWebviewMessage, ImageFormat } from '../../protocol/messages';
import type { PanelHandlers } from './panelHandlers';

type SaveImageMessage = Extract<FromWebviewMessage, { type: 'saveSvg' | 'savePng' }>;

const FILTERS: Record<ImageFormat, Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
};

/** The file's bytes: the SVG the host draws from the view, or the page's PNG (`parseFromWebview` checked it). */
async function imageBytes(view: ConvView, message: SaveImageMessage, handlers: PanelHandlers): Promise<Uint8Array> {
  if (message.type === 'savePng') return Buffer.from(message.png, 'base64');
  const font = vscode.workspace.getConfiguration('editor').get<unknown>('fontFamily');
  const job = { view, colors: message.colors, font: typeof font === 'string' ? font : '' };
  const svg = handlers.picture ? await handlers.picture(job) : matricesPicture(job.view, job.colors, job.font);
  if (svg === 'cancelled') throw new Error('cancelled');
  return Buffer.from(svg, 'utf8');
}

/**
 * Writes a picture of `view`'s matrices to where the user says in a save dialog, and nowhere else. Resolves to the
 * suggested file name and the path written (undefined when cancelled or failed).
 */
export async function saveImage(
  view: ConvView,
  message: SaveImageMessage,
  handlers: PanelHandlers,
): Promise<{ fileName: string; path?: string }> {
  const format: ImageFormat = message.type === 'saveSvg' ? 'svg' : 'png';
  const fileName = pictureFileName(view, format);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: `ConvLens: save the matrices as ${format.toUpperCase()}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: FILTERS[format],
    saveLabel: 'Save image',
  });
  if (!target) return { fileName };
  try {
    await vscode.workspace.fs.writeFile(target, await imageBytes(view, message, handlers));
    vscode.window.setStatusBarMessage(`ConvLens: saved ${vscode.workspace.asRelativePath(target)}`, 5000);
    return { fileName, path: target.fsPath };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    (handlers.log ?? console.warn)(`ConvLens panel: saving ${target.toString()} failed: ${reason}`);
    void vscode.window.showErrorMessage(`ConvLens: could not save the image: ${reason}`);
    return { fileName };
  }
}
