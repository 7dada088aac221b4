import * as vscode from 'vscode';
import { matricesPicture, pictureFileName } from '../../picture/matricesPicture';
import { ConvView, FromWebviewMessage, ImageFormat } from '../../protocol';

type SaveImageMessage = Extract<FromWebviewMessage, { type: 'saveSvg' | 'savePng' }>;

const FILTERS: Record<ImageFormat, Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
};

/** The file's bytes: the SVG the host builds from the view, or the page's PNG (`parseFromWebview` checked it). */
function imageBytes(view: ConvView, message: SaveImageMessage): Uint8Array {
  if (message.type === 'savePng') return Buffer.from(message.png, 'base64');
  const font = vscode.workspace.getConfiguration('editor').get<string>('fontFamily', '');
  return Buffer.from(matricesPicture(view, message.colors, typeof font === 'string' ? font : ''), 'utf8');
}

/**
 * Writes a picture of `view`'s matrices to where the user says in a save dialog, and nowhere else. Resolves to the
 * suggested file name and the path written (undefined when cancelled or failed).
 */
export async function saveImage(
  view: ConvView,
  message: SaveImageMessage,
  log: (text: string) => void,
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
    await vscode.workspace.fs.writeFile(target, imageBytes(view, message));
    vscode.window.setStatusBarMessage(`ConvLens: saved ${vscode.workspace.asRelativePath(target)}`, 5000);
    return { fileName, path: target.fsPath };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    log(`ConvLens panel: saving ${target.toString()} failed: ${reason}`);
    void vscode.window.showErrorMessage(`ConvLens: could not save the image: ${reason}`);
    return { fileName };
  }
}
