/**
 * Reads a chosen file as numbered lines, in batches, without holding the file in memory: the file is read
 * in byte slices (Blob.slice works the same in Electron and browsers, and in tests), decoded as a UTF-8
 * stream so a character split across two slices survives, and cut into lines on "\n" with a trailing "\r"
 * removed (CRLF files). Blank lines are kept: a line's position is its line number in the file, and the
 * engine skips blank lines itself.
 */

export interface LineBatch {
  /** 1-based line number of `lines[0]`. */
  startPosition: number;
  lines: string[];
  /** Bytes of the file read so far (for progress); the file's size with the last batch. */
  bytesRead: number;
}

export interface LineBatchOptions {
  /** Lines per batch; the last batch may be shorter. */
  batchLines?: number;
  /** Bytes read per slice. */
  chunkBytes?: number;
}

export const DEFAULT_BATCH_LINES = 5000;
const DEFAULT_CHUNK_BYTES = 1 << 20;

const stripCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

export async function* lineBatches(file: Blob, options: LineBatchOptions = {}): AsyncGenerator<LineBatch> {
  const batchLines = Math.max(1, options.batchLines ?? DEFAULT_BATCH_LINES);
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  // A UTF-8 byte order mark is dropped by the decoder (ignoreBOM: false), so line 1 starts clean.
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let batch: string[] = [];
  let startPosition = 1;

  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const end = Math.min(file.size, offset + chunkBytes);
    const bytes = await file.slice(offset, end).arrayBuffer();
    const text = carry + decoder.decode(bytes, { stream: end < file.size });
    const parts = text.split('\n');
    carry = parts.pop() ?? '';
    for (const part of parts) {
      batch.push(stripCr(part));
      if (batch.length >= batchLines) {
        yield { startPosition, lines: batch, bytesRead: end };
        startPosition += batch.length;
        batch = [];
      }
    }
  }
  carry += decoder.decode();
  // The last line without a final newline still counts; a final newline does not start an empty line.
  if (carry !== '') batch.push(stripCr(carry));
  if (batch.length > 0) yield { startPosition, lines: batch, bytesRead: file.size };
}
