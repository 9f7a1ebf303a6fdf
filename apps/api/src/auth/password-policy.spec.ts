import { passwordProblem } from './password-policy.js';

// Issue 16, item 12: only a 12-character minimum held; these were accepted.
describe('passwordProblem', () => {
  const account = { email: 'Dana.Editor@paper.example', name: 'Dana Editor' };
  it.each([
    ['aaaaaaaaaaaa', /too easy to guess/],
    ['123456789012', /too easy to guess/],
    ['password1234', /too easy to guess/],
    ['qwertyuiopas', /too easy to guess/],
    ['dana.editor@paper.example', /e-mail/],
    ['my Dana.Editor@paper.example!', /e-mail/],
    ['dana.editor-2026-xyz', /e-mail/],
    ['short', /at least 12/],
  ])('refuses %j', (password, problem) => {
    expect(passwordProblem(password, account)).toMatch(problem);
  });
  it.each(['correct horse battery staple', 'a9Kx2mQp7LrZ', 'lantern oyster cobalt ferry'])('accepts %j', (password) => {
    expect(passwordProblem(password, account)).toBeNull();
  });
  it('says why in the library’s words', () => {
    expect(passwordProblem('aaaaaaaaaaaa', account)).toMatch(/Repeated characters/);
  });
});
