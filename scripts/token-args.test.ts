import { parseTokenArgs, UsageError } from './token-args';

describe('npm run token arguments', () => {
  it('asks for help with --help or -h', () => {
    expect(parseTokenArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseTokenArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('reads a bearer token request with scopes and a lifetime', () => {
    expect(
      parseTokenArgs([
        '--role',
        'STAFF',
        '--sub',
        's1',
        '--counties',
        '450103,450703',
        '--point',
        'P',
        '--ttl',
        '60',
      ]),
    ).toEqual({
      kind: 'access',
      request: {
        role: 'STAFF',
        sub: 's1',
        counties: ['450103', '450703'],
        point: 'P',
        ttlSeconds: 60,
      },
    });
  });

  it('reads a family token request, an hour by default', () => {
    expect(parseTokenArgs(['--family', 'f1'])).toEqual({
      kind: 'family',
      family: 'f1',
      ttlSeconds: 3600,
    });
  });

  it('reads the guardian a PARENT or family token vouches for, normalised', () => {
    const id = '11010519491231002X';
    expect(
      parseTokenArgs(['--role', 'PARENT', '--sub', 'u', '--guardian-id', id.toLowerCase()]),
    ).toMatchObject({ kind: 'access', guardianIdNumber: id });
    expect(parseTokenArgs(['--family', 'f1', '--guardian-id', id])).toMatchObject({
      kind: 'family',
      guardianIdNumber: id,
    });
  });

  it.each([
    [['--role', 'PARENT', '--sub', 'u', '--guardian-id', '123'], /--guardian-id must be a valid/],
    [['--role', 'STAFF', '--sub', 'u', '--guardian-id', '11010519491231002X'], /for PARENT/],
    [['--role', 'PARENT', '--sub', 'u', '--ttl=-5'], /--ttl must be a whole number/],
    [['--role', 'PARENT', '--sub', 'u', '--ttl', '0'], /--ttl must be a whole number/],
    [['--role', 'PARENT', '--sub', 'u', '--ttl', '1.5'], /--ttl must be a whole number/],
    [['--role', 'PARENT', '--sub', 'u', '--ttl', '99999999'], /from 1 to 2592000/],
    [['--role', 'PARENT', '--sub', 'u', '--ttl', '-5'], /ambiguous/],
    [['--role', 'KING', '--sub', 'u'], /--role must be one of PARENT/],
    [['--role', 'PARENT'], /--sub is required/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /positional/i],
  ])('refuses %j with a usage error', (args, message) => {
    const attempt = () => parseTokenArgs(args);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
  });
});
