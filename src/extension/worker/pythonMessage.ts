import type { PythonReading } from '../../python';

/** What the Python worker is asked: read a version of a program's text, or let its tree go. */
export type PythonRequest =
  { kind: 'read'; id: number; uri: string; version: number; text: string } | { kind: 'forget'; uri: string };

/** The reading of one request (plain data, copied back), or why there is none. */
export type PythonReply = { id: number; reading: PythonReading } | { id: number; failure: string };
