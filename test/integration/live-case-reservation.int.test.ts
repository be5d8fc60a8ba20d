import { IntakeRepository } from '../../src/db/intake-repository';
import { DEFAULT_LIVE_CASES_PER_ACCOUNT } from '../../src/domain/guardianship';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database';

/**
 * The live-case slot (`reserve_live_case`, one SQL call) at the repository: what counts against
 * an account's cap, what an expired slot does, and that concurrent takers cannot pass it together.
 * The cap's API behaviour is in guardianship.int.test.ts.
 */
describe('an account’s live-case slots', () => {
  let database: MigratedDatabase;
  let intake: IntakeRepository;
  const slotsOf = (ownerSub: string) =>
    database.db.liveCaseReservation.findMany({
      where: { ownerSub },
      orderBy: { workflowId: 'asc' },
    });

  beforeAll(async () => {
    database = await createMigratedDatabase();
    intake = new IntakeRepository(database.db);
  });
  afterAll(() => database.drop());
  const reserved = async (ownerSub: string, workflowId: string) =>
    (await intake.reserveLiveCase(ownerSub, workflowId)).reserved;

  it('reads the cap from the region’s intake policy, or takes the default without one', async () => {
    expect(await intake.reserveLiveCase('acct-0', 'wf-1')).toEqual({
      reserved: true,
      limit: DEFAULT_LIVE_CASES_PER_ACCOUNT,
    });
    await intake.setLiveCasesPerAccount(2);
    expect(await intake.reserveLiveCase('acct-0', 'wf-2')).toEqual({ reserved: true, limit: 2 });
    expect(await intake.reserveLiveCase('acct-0', 'wf-3')).toEqual({ reserved: false, limit: 2 });
  });

  it('counts other children’s slots up to the cap, a child once, and renews its own', async () => {
    expect(await reserved('acct-a', 'wf-1')).toBe(true);
    expect(await reserved('acct-a', 'wf-2')).toBe(true);
    // The same child again: its own slot is not another case.
    expect(await reserved('acct-a', 'wf-2')).toBe(true);
    expect(await reserved('acct-a', 'wf-3')).toBe(false);
    // Another account is not counted.
    expect(await reserved('acct-b', 'wf-3')).toBe(true);
    expect((await slotsOf('acct-a')).map((s) => s.workflowId)).toEqual(['wf-1', 'wf-2']);
    await intake.releaseLiveCase('acct-a', 'wf-1');
    expect(await reserved('acct-a', 'wf-3')).toBe(true);
  });

  it('lets an expired slot count no more, and removes it when the account takes another', async () => {
    const longAgo = new Date(Date.now() - 6 * 60_000);
    await database.db.liveCaseReservation.create({
      data: { ownerSub: 'acct-c', workflowId: 'wf-stale', reservedAt: longAgo },
    });
    await database.db.liveCaseReservation.create({
      data: { ownerSub: 'acct-c', workflowId: 'wf-fresh' },
    });
    expect(await reserved('acct-c', 'wf-new')).toBe(true);
    expect((await slotsOf('acct-c')).map((s) => s.workflowId)).toEqual(['wf-fresh', 'wf-new']);
    expect(await reserved('acct-c', 'wf-other')).toBe(false);
  });

  it('holds the cap when many children’s slots are taken at the same moment', async () => {
    await intake.setLiveCasesPerAccount(3);
    const taken = await Promise.all(
      Array.from({ length: 8 }, (_, i) => reserved('acct-d', `wf-${i}`)),
    );
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await slotsOf('acct-d')).toHaveLength(3);
  });
});
