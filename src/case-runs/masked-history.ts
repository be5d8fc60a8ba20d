import { maskByShape, maskJson, maskPersonalData } from '../domain/masking';

/** Free text Temporal keeps beside the payloads: failure messages and stacks, reasons typed. */
const FREE_TEXT = /^(?:message|stackTrace|reason)$/;

/**
 * A history in Temporal's JSON with its personal data masked. Every payload's `data` (inputs,
 * results, updates, signals, failure details, memo: the form and what the departments answered)
 * that holds JSON is decoded, masked by field and by shape, and encoded again; free text beside
 * the payloads is masked by shape. Identifiers, types and times stay as they are, so the file
 * still loads with historyFromJSON and `temporal workflow show`.
 */
export function maskHistoryJson(json: string): string {
  const masked = maskJson(JSON.parse(json), (text, key) => {
    if (key === 'data') return maskPayloadData(text);
    return key !== undefined && FREE_TEXT.test(key) ? maskByShape(text) : text;
  });
  return JSON.stringify(masked, null, 2);
}

/**
 * A payload's base64 data: masked if it is JSON (json/plain), else (binary, null) as it is. The
 * history export and the codec server (what the Temporal Web UI shows) mask payloads with it.
 */
export function maskPayloadData(base64: string): string {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    return base64;
  }
  return Buffer.from(JSON.stringify(maskPersonalData(value)), 'utf8').toString('base64');
}
