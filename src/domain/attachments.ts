import { UploadNotOpenError, UploadQuotaError } from './limit-errors';

/**
 * Families upload PDF, JPEG or PNG only, recognised by their first bytes, never by the name or
 * the Content-Type a client claims: a renamed executable is refused.
 */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMimeType = (typeof ATTACHMENT_TYPES)[number];

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const SIGNATURES: readonly {
  readonly mime: AttachmentMimeType;
  readonly bytes: readonly number[];
}[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function detectAttachmentType(content: Uint8Array): AttachmentMimeType | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b))?.mime;
}

export interface UploadQuota {
  readonly maxFiles: number;
  readonly maxBytes: number;
}

/** What a case's documents are now, and whether a reviewer's request for more is open. */
export interface UploadState {
  readonly status: string;
  /** The open supplement request's deadline (ISO), if the read model has one. */
  readonly deadline: string | undefined;
  readonly files: number;
  readonly bytes: number;
}

/**
 * Documents come only in answer to a reviewer's request, while it is open, and within the case's
 * quota: the bytes the next document may have (never more than one document's limit).
 */
export function uploadAllowance(state: UploadState, quota: UploadQuota, now: Date): number {
  const expired = state.deadline !== undefined && Date.parse(state.deadline) <= now.getTime();
  if (state.status !== 'NEEDS_SUPPLEMENT' || expired) throw new UploadNotOpenError(state.status);
  if (state.files >= quota.maxFiles || state.bytes >= quota.maxBytes)
    throw new UploadQuotaError(quota);
  return Math.min(MAX_ATTACHMENT_BYTES, quota.maxBytes - state.bytes);
}
