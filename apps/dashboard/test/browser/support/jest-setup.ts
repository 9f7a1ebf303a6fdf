import { assertNoConsoleErrors } from './console-guard';

// Every browser spec: no console error or uncaught page error unless the spec expects it (support/console-guard.ts).
afterEach(() => assertNoConsoleErrors('during this test'));
afterAll(() => assertNoConsoleErrors('in this file outside its tests (beforeAll/afterAll)'));
