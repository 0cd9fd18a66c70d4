import { JsonLogger } from './json-logger';
import { RequestContext } from './request-context';

describe(JsonLogger.name, () => {
  it('writes one JSON object per line with level, context and request id', () => {
    const lines: string[] = [];
    const sut = new JsonLogger('info', (line) => lines.push(line));
    RequestContext.run('req-42', () => sut.log('agency created', 'AgenciesService'));
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({
      level: 'info',
      msg: 'agency created',
      context: 'AgenciesService',
      requestId: 'req-42',
    });
  });

  it('redacts secrets and personal data passed as objects', () => {
    const lines: string[] = [];
    const sut = new JsonLogger('info', (line) => lines.push(line));
    sut.log({
      msg: 'login',
      email: 'a@b.c',
      password: 'hunter2',
      nested: { authorization: 'Bearer x', fullName: 'Siti' },
    });
    expect(lines[0]).not.toContain('hunter2');
    expect(lines[0]).not.toContain('Bearer x');
    expect(lines[0]).not.toContain('Siti');
    expect(JSON.parse(lines[0]).password).toBe('[redacted]');
  });

  it('drops lines below the configured level', () => {
    const lines: string[] = [];
    const sut = new JsonLogger('warn', (line) => lines.push(line));
    sut.log('chatty');
    sut.debug('chattier');
    sut.warn('careful');
    expect(lines).toHaveLength(1);
  });
});
