import { expect, test } from '@playwright/test';

test('the home page lists the seed article, linking to its source', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: 'ACLU, civil rights groups urge Biden to halt use of facial recognition technology' });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', 'https://www.aclu.org/letter/coalition-letter-president-biden-use-facial-recognition-technology');
});
