import fc from 'fast-check';
import { openPageToken, sealPageToken } from './page-token';

const secret = 'a-secret-of-at-least-thirty-two-chars';

describe('page tokens', () => {
  it('open to the token they sealed, for the same query only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.string(), (token, query) => {
        const sealed = sealPageToken(secret, query, token);
        expect(openPageToken(secret, query, sealed)).toEqual(Buffer.from(token));
        expect(openPageToken(secret, `${query} OR 1=1`, sealed)).toBeNull();
        expect(openPageToken('another-secret-of-thirty-two-chars!', query, sealed)).toBeNull();
      }),
    );
  });

  it('refuse tampered or malformed tokens', () => {
    const sealed = sealPageToken(secret, 'q', Buffer.from('{"page":2}'));
    const [body, tag] = sealed.split('.');
    expect(openPageToken(secret, 'q', `${body}x.${tag}`)).toBeNull();
    expect(openPageToken(secret, 'q', 'not-a-token')).toBeNull();
    expect(openPageToken(secret, 'q', `${sealed}.extra`)).toBeNull();
  });
});
