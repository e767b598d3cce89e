// Paper as Chromium prints it: a page rendered to PDF by the browser's own print path and read
// back page by page with poppler (pdfinfo, pdftotext), and the checks every printout shares.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The page as printed: its size in points and each page's text. */
export async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'jiandu-print-')), 'doc.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [, width, height] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((text, i, all) => i < all.length - 1 || text.trim() !== '');
  assert.equal(pages.length, Number(info.match(/Pages:\s+(\d+)/)[1]));
  return { width: Math.round(Number(width)), height: Math.round(Number(height)), pages };
}

export const squeeze = (text) => text.replace(/\s+/g, '');

export function numberedAndClean({ pages }) {
  pages.forEach((text, i) => {
    const numbers = squeeze(text).match(/第\d+页共\d+页/g) ?? [];
    assert.deepEqual(numbers, [`第${i + 1}页共${pages.length}页`], `page ${i + 1} is numbered once`);
    assert.doesNotMatch(text, /返回|打印|取号/, `page ${i + 1} carries no screen controls`);
  });
}

/** Every page starts with the agency's name (the header above the text). */
export function headedBy({ pages }, agency) {
  pages.forEach((text, i) => {
    const first = text.split('\n').find((line) => line.trim() !== '');
    assert.equal(first?.trim(), agency, `page ${i + 1} is headed by the agency`);
  });
}

/** Replaces the browser's print dialog with a counter (headless Chromium has no dialog). */
export async function countPrints(page) {
  await page.evaluate(() => {
    window.__prints = 0;
    window.print = () => (window.__prints += 1);
  });
}

export const printCount = (page) => page.evaluate(() => window.__prints);
