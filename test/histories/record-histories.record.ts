import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import request from 'supertest';
import { projectRoot } from '../../src/config/paths';
import { FIXTURE_FAMILIES } from '../../src/simulator/fixtures';
import { admissionResultSignal } from '../../src/contract';
import { formForFamily } from '../../src/testing/forms';
import { HISTORY_PAYLOAD_KEYS } from '../support/payload-keys';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * `npm run histories:record` (a Jest project of its own, so that Nest gets its decorator
 * metadata): runs the application workflow down each of its paths on a real server, with the
 * payload codec on, and saves each history under test/histories/encrypted/ for the replay check
 * in CI. It never overwrites a file: the unencrypted histories beside this file prove that cases
 * started before encryption still replay, and stay as they are. To re-record a path after a
 * change meant to be incompatible, delete its file first and review the diff.
 */
it('records one history per path of the application workflow', async () => {
  const bundle = await bundleWorkflows();
  const sut = await startHarness({
    workflowBundle: bundle,
    env: { VERIFICATION_RETRY_BUDGET_MS: '2000', PAYLOAD_ENCRYPTION_KEYS: HISTORY_PAYLOAD_KEYS },
  });
  const api = () => request(sut.apiUrl);
  const family = { Authorization: await sut.auth.parent('family-histories') };
  const reviewer = { Authorization: await sut.auth.reviewer(['450103']) };
  const families = registryFamilies.filter(
    (f) => f.countyCode === '450103' && f.households[0]!.divisionCode === '450103',
  );
  let next = 0;
  const until = async (no: string, status: string) => {
    for (let i = 0; i < 300; i += 1) {
      const row = await sut.database.db.application.findUnique({ where: { applicationNo: no } });
      if (row?.status === status) return row;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${no} never reached ${status}`);
  };
  const submit = async (body = formForFamily(families[next++]!)) =>
    (await api().post('/applications').set(family).send(body)).body.applicationNo as string;
  const save = async (name: string, no: string, h: Harness = sut) => {
    const row = await h.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } });
    const history = await h.temporal.workflow.getHandle(row.workflowId, row.runId).fetchHistory();
    const file = join(projectRoot(), 'test', 'histories', 'encrypted', `${name}.json`);
    try {
      await writeFile(file, `${historyToJSON(history)}\n`, { flag: 'wx' });
      process.stdout.write(`recorded ${name}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      process.stdout.write(`kept ${name} (already recorded)\n`);
    }
  };

  const admitted = await submit();
  await until(admitted, 'AWAITING_REVIEW');
  await api()
    .post(`/applications/${admitted}/decision`)
    .set(reviewer)
    .send({ decision: 'APPROVE' });
  const row = await until(admitted, 'APPROVED');
  await sut.temporal.workflow.getHandle(row.workflowId, row.runId).signal(admissionResultSignal, {
    roundId: 'recorded',
    result: 'ADMITTED',
    schoolId: '450103-P01',
    explanation: { zh: '已录取', en: 'Admitted' },
    housingLock: null,
  });
  await until(admitted, 'ADMITTED');
  await save('approved-then-admitted', admitted);

  const rejected = await submit();
  await until(rejected, 'AWAITING_REVIEW');
  await api()
    .post(`/applications/${rejected}/decision`)
    .set(reviewer)
    .send({ decision: 'REJECT', reasonCode: 'OTHER', reason: 'recorded' });
  await until(rejected, 'REJECTED');
  await save('rejected', rejected);

  const withdrawn = await submit();
  await until(withdrawn, 'AWAITING_REVIEW');
  await api().post(`/applications/${withdrawn}/withdraw`).set(family).send({});
  await until(withdrawn, 'WITHDRAWN');
  await save('withdrawn', withdrawn);

  const supplemented = await submit();
  await until(supplemented, 'AWAITING_REVIEW');
  await api()
    .post(`/applications/${supplemented}/supplement-request`)
    .set(reviewer)
    .send({ items: ['OTHER'] });
  await api()
    .post(`/applications/${supplemented}/supplement`)
    .set(family)
    .send({ items: [{ item: 'OTHER', text: 'recorded' }] });
  await api()
    .post(`/applications/${supplemented}/decision`)
    .set(reviewer)
    .send({ decision: 'APPROVE' });
  await until(supplemented, 'APPROVED');
  await save('supplement-then-approved', supplemented);

  const expired = await submit();
  await until(expired, 'AWAITING_REVIEW');
  await api()
    .post(`/applications/${expired}/supplement-request`)
    .set(reviewer)
    .send({ items: ['OTHER'], deadline: new Date(Date.now() + 2000).toISOString() });
  await until(expired, 'EXPIRED');
  await save('supplement-expired', expired);

  sut.simulator.faults.set('household', {
    outageUntil: new Date(Date.now() + 60_000).toISOString(),
  });
  const offline = await submit(formForFamily(FIXTURE_FAMILIES.weiNongLan));
  await until(offline, 'AWAITING_OFFLINE_CHECK');
  sut.simulator.faults.clear();
  await api()
    .post(`/applications/${offline}/offline-check`)
    .set(reviewer)
    .send({
      registrationPointId: '450103-RP01',
      staffId: 's',
      itemsSeen: ['HUKOU_BOOKLET'],
      outcome: 'VERIFIED',
    });
  await api().post(`/applications/${offline}/decision`).set(reviewer).send({ decision: 'APPROVE' });
  await until(offline, 'APPROVED');
  await save('offline-check-then-approved', offline);

  const operator = { Authorization: await sut.auth.operator(['450103']) };
  const cancelled = await submit();
  await until(cancelled, 'AWAITING_REVIEW');
  await api().post(`/ops/cases/${cancelled}/cancel`).set(operator).send({ reason: 'recorded' });
  await until(cancelled, 'CANCELLED');
  await save('cancelled-by-operator', cancelled);

  const reset = await submit();
  await until(reset, 'AWAITING_REVIEW');
  await api().post(`/applications/${reset}/decision`).set(reviewer).send({ decision: 'APPROVE' });
  await until(reset, 'APPROVED');
  await api()
    .post(`/ops/cases/${reset}/reset`)
    .set(operator)
    .send({
      fromStatus: 'APPROVED',
      reason: 'recorded',
      deliver: { kind: 'decision', decision: 'REJECT', reasonCode: 'OTHER', reason: 'recorded' },
    });
  await until(reset, 'REJECTED');
  await save('reset-then-rejected', reset);

  await sut.close();
}, 300_000);
