import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  parsePayloadKeys,
  PayloadDecryptionError,
  PayloadKeyUnknownError,
} from './payload-codec';
import { KeyListConfigError } from '../encryption/key-list';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const form = { child: { name: '李小明', idNumber: '450103201901011234' }, mobile: '13800000000' };
const payload = () => defaultPayloadConverter.toPayload(form);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString();

describe('AES-256-GCM payload codec', () => {
  it('round-trips a payload, hiding its data and its own metadata', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(key('k1')));
    const [encoded] = await codec.encode([payload()]);
    expect(text(encoded!.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(text(encoded!.metadata![KEY_ID_METADATA])).toBe('k1');
    expect(text(encoded!.data)).not.toContain('450103201901011234');
    expect(text(encoded!.data)).not.toContain('json/plain');
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(form);
  });

  it('encrypts with the newest key and still decrypts with the older ones', async () => {
    const old = key('2025');
    const [underOld] = await new AesGcmPayloadCodec(parsePayloadKeys(old)).encode([payload()]);
    const rotated = new AesGcmPayloadCodec(parsePayloadKeys(`${old},${key('2026')}`));
    const [underNew] = await rotated.encode([payload()]);
    expect(text(underNew!.metadata![KEY_ID_METADATA])).toBe('2026');
    const decoded = await rotated.decode([underOld!, underNew!]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([form, form]);
  });

  it('passes unencrypted payloads (histories from before encryption) through', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(key('k1')));
    const plain = payload();
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  it('refuses a payload under a key it does not have, naming the key', async () => {
    const [encoded] = await new AesGcmPayloadCodec(parsePayloadKeys(key('gone'))).encode([
      payload(),
    ]);
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(key('k1')));
    await expect(codec.decode([encoded!])).rejects.toThrow(PayloadKeyUnknownError);
    await expect(codec.decode([encoded!])).rejects.toThrow(/"gone"/);
  });

  it('refuses a wrong key under the right id, and altered data', async () => {
    const [encoded] = await new AesGcmPayloadCodec(parsePayloadKeys(key('k1'))).encode([payload()]);
    const wrong = new AesGcmPayloadCodec(parsePayloadKeys(key('k1')));
    await expect(wrong.decode([encoded!])).rejects.toThrow(PayloadDecryptionError);
    const data = Buffer.from(encoded!.data!);
    data[20] = data[20]! ^ 0xff;
    await expect(wrong.decode([{ ...encoded!, data }])).rejects.toThrow(PayloadDecryptionError);
  });

  it('refuses malformed key lists', () => {
    expect(() => parsePayloadKeys('')).toThrow(KeyListConfigError);
    expect(() => parsePayloadKeys('k1')).toThrow(/id:base64key/);
    expect(() => parsePayloadKeys(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => parsePayloadKeys(`${key('k1')},${key('k1')}`)).toThrow(/unique/);
  });
});
