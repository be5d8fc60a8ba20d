import { detectAttachmentType, MAX_ATTACHMENT_BYTES, uploadAllowance } from './attachments';
import { UploadNotOpenError, UploadQuotaError } from './limit-errors';

describe('attachment types by content', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'binary'), undefined],
    ['a ZIP', Buffer.from('PK\x03\x04', 'binary'), undefined],
    ['text', Buffer.from('hello'), undefined],
    ['nothing', Buffer.alloc(0), undefined],
  ])('recognises %s', (_name, content, expected) => {
    expect(detectAttachmentType(content)).toBe(expected);
  });
});

describe('when a family may upload, and how much', () => {
  const quota = { maxFiles: 3, maxBytes: 8 * 1024 * 1024 };
  const now = new Date('2026-07-01T00:00:00Z');
  const open = { status: 'NEEDS_SUPPLEMENT', deadline: '2026-07-03T00:00:00Z', files: 0, bytes: 0 };

  it('allows one document’s limit while a request is open and the quota is far', () => {
    expect(uploadAllowance(open, quota, now)).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('allows only what is left of the bytes quota', () => {
    expect(uploadAllowance({ ...open, files: 1, bytes: 7 * 1024 * 1024 }, quota, now)).toBe(
      1024 * 1024,
    );
  });

  it.each(['AWAITING_REVIEW', 'VERIFYING', 'APPROVED', 'WITHDRAWN'])(
    'refuses in %s: no supplement request is open',
    (status) => {
      expect(() => uploadAllowance({ ...open, status }, quota, now)).toThrow(UploadNotOpenError);
    },
  );

  it('refuses once the request’s deadline has passed', () => {
    expect(() =>
      uploadAllowance({ ...open, deadline: '2026-06-30T23:59:59Z' }, quota, now),
    ).toThrow(UploadNotOpenError);
  });

  it.each([
    ['the file count', { files: 3, bytes: 0 }],
    ['the bytes', { files: 1, bytes: quota.maxBytes }],
  ])('refuses once %s reaches the quota', (_what, usage) => {
    expect(() => uploadAllowance({ ...open, ...usage }, quota, now)).toThrow(UploadQuotaError);
  });
});
