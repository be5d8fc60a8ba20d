import { IntakeRepository } from '../../src/db/intake-repository';
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

  it('counts other children’s slots up to the cap, a child once, and renews its own', async () => {
    expect(await intake.reserveLiveCase('acct-a', 'wf-1', 2)).toBe(true);
    expect(await intake.reserveLiveCase('acct-a', 'wf-2', 2)).toBe(true);
    // The same child again: its own slot is not another case.
    expect(await intake.reserveLiveCase('acct-a', 'wf-2', 2)).toBe(true);
    expect(await intake.reserveLiveCase('acct-a', 'wf-3', 2)).toBe(false);
    // Another account is not counted.
    expect(await intake.reserveLiveCase('acct-b', 'wf-3', 2)).toBe(true);
    expect((await slotsOf('acct-a')).map((s) => s.workflowId)).toEqual(['wf-1', 'wf-2']);
    await intake.releaseLiveCase('acct-a', 'wf-1');
    expect(await intake.reserveLiveCase('acct-a', 'wf-3', 2)).toBe(true);
  });

  it('lets an expired slot count no more, and removes it when the account takes another', async () => {
    const longAgo = new Date(Date.now() - 6 * 60_000);
    await database.db.liveCaseReservation.create({
      data: { ownerSub: 'acct-c', workflowId: 'wf-stale', reservedAt: longAgo },
    });
    await database.db.liveCaseReservation.create({
      data: { ownerSub: 'acct-c', workflowId: 'wf-fresh' },
    });
    expect(await intake.reserveLiveCase('acct-c', 'wf-new', 2)).toBe(true);
    expect((await slotsOf('acct-c')).map((s) => s.workflowId)).toEqual(['wf-fresh', 'wf-new']);
    expect(await intake.reserveLiveCase('acct-c', 'wf-other', 2)).toBe(false);
  });

  it('holds the cap when many children’s slots are taken at the same moment', async () => {
    const taken = await Promise.all(
      Array.from({ length: 8 }, (_, i) => intake.reserveLiveCase('acct-d', `wf-${i}`, 3)),
    );
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await slotsOf('acct-d')).toHaveLength(3);
  });
});
