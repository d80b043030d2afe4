import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const has = (cmd: string) => { try { execFileSync('which', [cmd], { stdio: 'ignore' }); return true; } catch { return false; } };

/**
 * Whether documents can be rendered to PDF here (LibreOffice and poppler-utils). CI installs both
 * (.ci/run), so a test may skip without them only outside CI.
 */
export const canRenderPdf = has('soffice') && has('pdftotext');
export const mustRenderPdf = !!process.env.CI;

/**
 * A docx rendered to PDF by LibreOffice (`soffice --headless --convert-to pdf`, its own profile in a
 * temp dir so parallel runs do not share one) and the PDF's text as pdftotext reads it.
 */
export function docxToPdfText(docx: Buffer, timeoutMs = 120_000): { pdf: Buffer; text: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tianlang-docx-pdf-'));
  try {
    const file = path.join(dir, 'document.docx');
    writeFileSync(file, docx);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: timeoutMs });
    const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'));
    if (!pdf) throw new Error('LibreOffice wrote no PDF');
    const pdfFile = path.join(dir, pdf);
    return { pdf: readFileSync(pdfFile), text: execFileSync('pdftotext', [pdfFile, '-'], { timeout: timeoutMs }).toString() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
