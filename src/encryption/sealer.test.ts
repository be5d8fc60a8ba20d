import { randomBytes } from 'node:crypto';
import { childKey } from '../domain/application-identity';
import { KeyListConfigError, parseKeyList } from './key-list';
import { LocalMasterKeys, MasterKeyUnknownError, SealedDataError } from './master-key';
import { columnSealerOf, isSealed, Sealer } from './sealer';

const LOOKUP_SECRET = 'lookup-secret-0123456789abcdef';
const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const sealerWith = (spec: string) =>
  new Sealer(
    new LocalMasterKeys(parseKeyList('COLUMN_ENCRYPTION_KEYS', spec), 'COLUMN_ENCRYPTION_KEYS'),
    LOOKUP_SECRET,
  );
const statement = {
  child: { name: '李小明', idNumber: '450103201901011234' },
  guardians: [{ name: '李大明', mobile: '13800000000' }],
};

describe('envelope encryption of personal data at rest', () => {
  it('round-trips a JSON value and a name, hiding them', async () => {
    const sealer = sealerWith(key('k1'));
    const sealed = await sealer.seal(statement);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('李小明');
    expect(Buffer.from(sealed.slice(5), 'base64').toString('latin1')).not.toContain('13800000000');
    expect(await sealer.open(sealed)).toEqual(statement);
    expect(await sealer.open(await sealer.seal('李小明'))).toBe('李小明');
  });

  it('gives every value its own data key: the same value seals differently each time', async () => {
    const sealer = sealerWith(key('k1'));
    expect(await sealer.seal('李小明')).not.toBe(await sealer.seal('李小明'));
  });

  it('round-trips a document and leaves documents and values stored before it readable', async () => {
    const sealer = sealerWith(key('k1'));
    const pdf = Buffer.from('%PDF-1.4 李小明 450103201901011234');
    const sealed = await sealer.sealBytes(pdf);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed.includes(Buffer.from('450103201901011234'))).toBe(false);
    expect(await sealer.openBytes(sealed)).toEqual(pdf);
    expect(await sealer.openBytes(pdf)).toEqual(pdf);
    expect(await sealer.open(statement)).toEqual(statement);
    expect(await sealer.open('李小明')).toBe('李小明');
    expect(await sealer.open(null)).toBeNull();
  });

  it('wraps with the newest master key and still unwraps with the older ones', async () => {
    const old = key('2025');
    const underOld = await sealerWith(old).seal(statement);
    const rotated = sealerWith(`${old},${key('2026')}`);
    expect(await rotated.open(underOld)).toEqual(statement);
    const underNew = await rotated.seal(statement);
    await expect(sealerWith(old).open(underNew)).rejects.toThrow(MasterKeyUnknownError);
    await expect(sealerWith(old).open(underNew)).rejects.toThrow(
      'data sealed under master key "2026", which is not among COLUMN_ENCRYPTION_KEYS',
    );
  });

  it('says what is due for resealing: plaintext, and data under an older master key', async () => {
    const old = key('2025');
    const underOld = await sealerWith(old).seal(statement);
    const rotated = sealerWith(`${old},${key('2026')}`);
    expect(rotated.needsResealing(underOld)).toBe(true);
    expect(rotated.needsResealing(statement)).toBe(true);
    expect(rotated.needsResealing(Buffer.from('%PDF-1.4'))).toBe(true);
    expect(rotated.needsResealing(null)).toBe(false);
    const resealed = await rotated.reseal(underOld);
    expect(rotated.needsResealing(resealed)).toBe(false);
    expect(rotated.needsResealing(await rotated.sealBytes(Buffer.from('x')))).toBe(false);
    expect(await rotated.open(resealed)).toEqual(statement);
    expect(await rotated.reseal(resealed)).toBe(resealed);
  });

  it('refuses a wrong key under a known id, and altered data, with a clear error', async () => {
    const sealed = await sealerWith(key('k1')).seal(statement);
    await expect(sealerWith(key('k1')).open(sealed)).rejects.toThrow(SealedDataError);
    await expect(sealerWith(key('k1')).open(sealed)).rejects.toThrow(/"k1" failed authentication/);
    const sealer = sealerWith(key('k1'));
    const bytes = await sealer.sealBytes(Buffer.from('statement'));
    bytes[bytes.length - 1]! ^= 1;
    await expect(sealer.openBytes(bytes)).rejects.toThrow(SealedDataError);
    await expect(sealer.openBytes(bytes.subarray(0, 8))).rejects.toThrow(SealedDataError);
  });

  it('authenticates the envelope header: a data key relabelled to another master key fails', async () => {
    const sealer = sealerWith(`${key('k1')},${key('k2')}`);
    const bytes = await sealer.sealBytes(Buffer.from('statement'));
    bytes[5] = 'k'.charCodeAt(0);
    bytes[6] = '1'.charCodeAt(0);
    await expect(sealer.openBytes(bytes)).rejects.toThrow(SealedDataError);
  });

  it('reads its master keys from COLUMN_ENCRYPTION_KEYS, with a development default', async () => {
    const lookup = { CHILD_KEY_SECRET: LOOKUP_SECRET };
    const configured = columnSealerOf({ ...lookup, COLUMN_ENCRYPTION_KEYS: key('prod1') });
    expect(await configured.open(await configured.seal('x'))).toBe('x');
    const development = columnSealerOf(lookup);
    expect(await development.open(await development.seal('x'))).toBe('x');
    const bad = { ...lookup, COLUMN_ENCRYPTION_KEYS: 'k1' };
    expect(() => columnSealerOf(bad)).toThrow(KeyListConfigError);
    expect(() => columnSealerOf(bad)).toThrow(/^COLUMN_ENCRYPTION_KEYS:/);
  });

  it('makes lookup keys by the rule of the child key, whatever the master key', () => {
    const certificate = '桂(2021)南宁市不动产权第0012345号';
    expect(sealerWith(key('k1')).lookupKey(certificate)).toBe(childKey(LOOKUP_SECRET, certificate));
    expect(sealerWith(key('k2')).lookupKey(certificate)).toBe(
      sealerWith(key('k1')).lookupKey(certificate),
    );
  });
});
