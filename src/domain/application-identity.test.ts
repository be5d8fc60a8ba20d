import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  childKey,
  enrolmentWorkflowId,
  guardianKeyOf,
  lookupKey,
  namesGuardian,
} from './application-identity';
import { guardianConfirmed, relationUnconfirmed } from './guardianship';

/** Keyed hashes stand where an ID number must not; only a guardian the form names may apply. */
describe('lookup keys', () => {
  it('are the first 32 hex digits of HMAC-SHA256 under the key, never the identifier', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 18, maxLength: 18 }),
        (secret, id) => {
          const expected = createHmac('sha256', secret)
            .update(id, 'utf8')
            .digest('hex')
            .slice(0, 32);
          expect(lookupKey(secret, id)).toBe(expected);
          expect(childKey(secret, id)).toBe(expected);
          expect(guardianKeyOf(secret, id)).toBe(expected);
          expect(lookupKey(secret, id)).not.toContain(id);
        },
      ),
    );
  });

  it('differ between secrets and between identifiers', () => {
    expect(lookupKey('a', '450702201903011234')).not.toBe(lookupKey('b', '450702201903011234'));
    expect(lookupKey('a', '450702201903011234')).not.toBe(lookupKey('a', '450702201903011242'));
    expect(lookupKey('a', '身份')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('name one workflow per child, season and stage', () => {
    expect(enrolmentWorkflowId(2027, 'PRIMARY_1', 'k1')).toBe('enrolment-2027-PRIMARY_1-k1');
    expect(enrolmentWorkflowId(2027, 'JUNIOR_1', 'k1')).not.toBe(
      enrolmentWorkflowId(2027, 'PRIMARY_1', 'k1'),
    );
  });
});

describe('who may apply online', () => {
  const secret = 'guardian-secret';
  const form = {
    guardians: [{ idNumber: '450702198001011234' }, { idNumber: '45070219810202123X' }],
  };
  const asGuardians = form as Parameters<typeof namesGuardian>[0];

  it('a guardian the form names, by the key the platform vouches with', () => {
    expect(namesGuardian(asGuardians, guardianKeyOf(secret, '450702198001011234'), secret)).toBe(
      true,
    );
    expect(namesGuardian(asGuardians, guardianKeyOf(secret, '45070219810202123X'), secret)).toBe(
      true,
    );
  });

  it('nobody else: another person, a key under another secret, or no key', () => {
    expect(namesGuardian(asGuardians, guardianKeyOf(secret, '450702199001011230'), secret)).toBe(
      false,
    );
    expect(namesGuardian(asGuardians, guardianKeyOf('other', '450702198001011234'), secret)).toBe(
      false,
    );
    expect(namesGuardian(asGuardians, undefined, secret)).toBe(false);
    expect(
      namesGuardian({ guardians: [] }, guardianKeyOf(secret, '450702198001011234'), secret),
    ).toBe(false);
  });
});

describe('the registry on guardianship', () => {
  it('confirms the guardians only on a RELATION match', () => {
    expect(guardianConfirmed({ RELATION: { outcome: 'MATCH' } })).toBe(true);
    for (const outcome of ['MISMATCH', 'NOT_FOUND', 'UNAVAILABLE'] as const) {
      expect(guardianConfirmed({ RELATION: { outcome } })).toBe(false);
      expect(relationUnconfirmed({ RELATION: { outcome } })).toBe(true);
    }
    expect(guardianConfirmed({})).toBe(false);
  });

  it('sends a case to a registration point only when the check ran and did not match', () => {
    expect(relationUnconfirmed({ RELATION: { outcome: 'MATCH' } })).toBe(false);
    expect(relationUnconfirmed({})).toBe(false);
    expect(relationUnconfirmed({ IDENTITY: { outcome: 'MISMATCH' } })).toBe(false);
  });
});
