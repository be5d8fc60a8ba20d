/**
 * The keys the recorded encrypted histories (test/histories/encrypted) were written with: fixed
 * here, not taken from the development default, so that those files keep decrypting whatever
 * the default becomes. Test-only keys; they protect nothing.
 */
export const HISTORY_PAYLOAD_KEYS = [
  `histories-2026a:${Buffer.from('gx-enrolment recorded histories!').toString('base64')}`,
].join(',');
