import type { Db } from '../db/prisma-client';
import { AUTOVACUUM_OFF, warnWithoutAutovacuum } from './database';

/** A database whose `SHOW autovacuum` answers `setting`, counting what it is asked. */
function databaseWith(setting: string) {
  const asked: string[] = [];
  const db = {
    $queryRaw: (sql: TemplateStringsArray) => {
      asked.push(sql.join('?'));
      return Promise.resolve([{ autovacuum: setting }]);
    },
  } as unknown as Pick<Db, '$queryRaw'>;
  return { db, asked };
}

describe('warnWithoutAutovacuum (start-up, for the operator)', () => {
  const server = { DATABASE_URL: 'postgresql://gx@db.example/gx' };

  it('warns once when the server runs without autovacuum', async () => {
    const { db, asked } = databaseWith('off');
    const warn = jest.fn();
    await warnWithoutAutovacuum(server, db, { warn });
    expect(asked).toEqual(['SHOW autovacuum']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(AUTOVACUUM_OFF);
  });

  it('says nothing when autovacuum runs', async () => {
    const warn = jest.fn();
    await warnWithoutAutovacuum(server, databaseWith('on').db, { warn });
    expect(warn).not.toHaveBeenCalled();
  });

  it('does not ask the embedded database of `npm start`, which has no background workers', async () => {
    const { db, asked } = databaseWith('off');
    const warn = jest.fn();
    await warnWithoutAutovacuum({ DATABASE_URL: undefined }, db, { warn });
    expect(asked).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });
});
