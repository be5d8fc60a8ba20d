import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Loaded by path (the workflow bundle and the SDK's data converter both require it): failure
 * messages and stack traces move into an encoded payload, which the payload codec then encrypts,
 * so a failure that quotes a form never reaches Temporal in the clear.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
