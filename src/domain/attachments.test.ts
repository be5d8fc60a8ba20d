import { detectAttachmentType } from './attachments';

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
