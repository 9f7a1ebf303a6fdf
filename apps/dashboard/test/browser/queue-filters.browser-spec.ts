import { signIn, useDashboardPage } from './support/chromium';
import { readRunState } from './support/run-state';

/** Real: the queue's filters in headless Chromium, answered by the real moderation API over the seeded comments. */
const state = readRunState();
const { moderator } = state.users;
const { welcome, oneLink, hiddenByAdmin, held } = state.comments;

const ui = useDashboardPage(state.baseUrl);

const row = (authorName: string) => ui.page.locator('tbody tr', { hasText: authorName });
const listUrl = (filter: Record<string, unknown>) => `/#/comments?filter=${encodeURIComponent(JSON.stringify(filter))}`;

describe('comments queue filters', () => {
  it('narrows the queue by article, by text and by status', async () => {
    await signIn(ui.page, moderator.email, moderator.password);
    await ui.page.locator('[data-panel="queues"]').waitFor();
    await ui.page.goto(listUrl({ articleExternalId: 'stadium-deal-opinion' }));
    await row(held.authorName).waitFor();
    const authors = async () => (await ui.page.locator('tbody tr [data-author-name]').allTextContents()).sort();

    // The article title in a row narrows the queue to that article.
    await row(held.authorName).getByRole('button', { name: held.articleTitle }).click();
    await ui.page.waitForURL(/articleId/);
    await ui.page.getByText('1-1 of 1').waitFor();
    expect(await authors()).toEqual([held.authorName]);

    await ui.page.goto(listUrl({ q: 'Whoever designed this should be sacked' }));
    await row(hiddenByAdmin.authorName).waitFor();
    await ui.page.getByText('1-1 of 1').waitFor();
    expect(await authors()).toEqual([hiddenByAdmin.authorName]);

    await ui.page.goto(listUrl({ status: ['approved', 'hidden'], articleExternalId: 'harbour-street-cycle-lanes' }));
    await ui.page.getByText('1-3 of 3').waitFor();
    expect(await authors()).toEqual([hiddenByAdmin.authorName, welcome.authorName, oneLink.authorName].sort());

  });
});
