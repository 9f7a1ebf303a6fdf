import { isDatabaseUnavailable, unavailableMessage } from './all-exceptions.filter.js';

// Errors as node-postgres, pg-pool and TypeORM raise them: which mean "retry shortly" (503), and what the 503 says.
describe('database errors → 503', () => {
  it.each([
    ['Postgres refuses connections', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), true, 'the database is unavailable; retry shortly'],
    ['the server is shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), true, 'the database is unavailable; retry shortly'],
    ['TypeORM wraps a lost connection', Object.assign(new Error('Query failed'), { driverError: { code: '08006', message: 'connection failure' } }), true, 'the database is unavailable; retry shortly'],
    ['no pooled connection free in time', new Error('timeout exceeded when trying to connect'), true, 'no database connection came free in time (the service is overloaded or the database is slow); retry shortly'],
  ])('%s', (_, err, unavailable, message) => {
    expect(isDatabaseUnavailable(err)).toBe(unavailable);
    expect(unavailableMessage(err)).toBe(message);
  });

  it('a query error is not an outage', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
  });
});
