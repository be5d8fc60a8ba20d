import fc from 'fast-check';
import { residentIdCheckChar } from '../domain/resident-id';
import { consoleDestination, createLogger, logLevel } from './logger';
import { PinoTemporalLogger } from './temporal-logger';

const ID = '45010320200315013X';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('the JSON logger', () => {
  it('writes one JSON object per line with every ID number masked, wherever it was put', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination }).child({ idNumber: ID });
    logger.info({ form: { child: { idNumber: ID } }, ids: [ID] }, `submitted for ${ID}`);
    logger.error({ err: new Error(`registry refused ${ID}`) }, 'failed');
    logger.warn(`old-style number 450103200315013`);

    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
      expect(line).not.toContain(ID);
      expect(line).not.toMatch(/\d{15}/);
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      msg: 'submitted for 450103********013X',
      idNumber: '450103********013X',
      form: { child: { idNumber: '450103********013X' } },
    });
    expect(JSON.parse(lines[1]!).err.stack).toContain('registry refused 450103********013X');
  });

  it('prints readable lines on a terminal and JSON anywhere else, masked either way', () => {
    const terminal = capture();
    createLogger({ level: 'info', destination: consoleDestination(true, terminal.destination) })
      .child({ requestId: 'r-1' })
      .info(`submitted for ${ID}`);
    const [line] = terminal.lines;
    expect(() => JSON.parse(line!) as unknown).toThrow();
    expect(line).toContain('submitted for 450103********013X');
    expect(line).toContain('INFO');
    expect(line).toContain('r-1');
    expect(line).not.toContain(ID);

    const pipe = capture();
    createLogger({ level: 'info', destination: consoleDestination(false, pipe.destination) }).info(
      'hello',
    );
    expect(JSON.parse(pipe.lines[0]!)).toMatchObject({ level: 'info', msg: 'hello' });
  });

  it('masks any valid ID number, in any message', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination });
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 9999 }), (a, b, n) => {
        const first17 = `45010320190101${String(n).padStart(4, '0').slice(1)}`;
        const id = `${first17}${residentIdCheckChar(first17)}`;
        logger.info({ detail: `${a}${id}` }, `${b}${id}${a}`);
        expect(lines.at(-1)).not.toContain(id);
      }),
    );
  });

  it('logs requests outside tests and keeps tests quiet unless LOG_LEVEL says otherwise', () => {
    expect(logLevel({ NODE_ENV: 'development', LOG_LEVEL: undefined })).toBe('info');
    expect(logLevel({ NODE_ENV: 'test', LOG_LEVEL: undefined })).toBe('warn');
    expect(logLevel({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).toBe('debug');
  });
});

describe("Temporal's runtime logger", () => {
  it("writes Temporal's entries as JSON lines at their level, a failure under err", () => {
    const { lines, destination } = capture();
    const logger = new PinoTemporalLogger(createLogger({ level: 'debug', destination }));
    logger.debug('Activity completed', { applicationNo: '2026-450103-000001-2', durationMs: 5 });
    logger.warn('Activity failed', { error: new Error(`no answer for ${ID}`) });
    logger.trace('below the level');

    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        level: 'debug',
        msg: 'Activity completed',
        applicationNo: '2026-450103-000001-2',
      }),
      expect.objectContaining({
        level: 'warn',
        msg: 'Activity failed',
        err: expect.objectContaining({ message: 'no answer for 450103********013X' }),
      }),
    ]);
  });
});
