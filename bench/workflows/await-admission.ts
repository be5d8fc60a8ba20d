import { condition, setHandler } from '@temporalio/workflow';
import { admissionResultSignal, type AdmissionDelivery } from '../../src/contract';

/** A live case reduced to what delivery touches: it waits for its admission result, then ends. */
export async function awaitAdmission(): Promise<string> {
  let delivery: AdmissionDelivery | undefined;
  setHandler(admissionResultSignal, (d: AdmissionDelivery) => {
    delivery ??= d;
  });
  await condition(() => delivery !== undefined);
  return delivery!.result;
}
