import type { Page } from 'playwright-core';

/** What a journey reads off a page the way a user sees it: the heading, and tables by their caption. */

export async function h1(page: Page): Promise<string> {
  return ((await page.locator('h1').textContent()) ?? '').trim();
}

function tableWithCaption(page: Page, caption: string) {
  return page.locator('table', { has: page.locator('caption', { hasText: caption }) });
}

/** The rows of the table with this caption, as their cells' texts; none when there is no such table. */
export async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const rows = await tableWithCaption(page, caption).locator('tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('td').allTextContents()).map((text) => text.trim())));
}

/** The texts in one column (by its header) of the table with this caption. */
export async function columnTexts(page: Page, caption: string, header: string): Promise<string[]> {
  const table = tableWithCaption(page, caption);
  const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return (await table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents()).map((text) => text.trim());
}
