// Handlers of the packs operations (electron/contract/ops/packs.ts): the save and open dialogs
// live here, the work in services/packs/packService.ts.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_LOGO_BYTES, type SavedAnnex } from '../../../contract/ops/packs';
import { AppError } from '../../errors';
import {
  buildPack,
  getTemplate,
  listPacks,
  previewPack,
  regeneratePack,
  removeLogo,
  reproducePack,
  reproducePackTo,
  savePack,
  setLogo,
  updateTemplate,
  getPack,
} from '../../packs/packService';
import { type AnnexRecord, annexOf, annexPathFor, buildPackAnnex, reproduceAnnex, savePackWithAnnex } from '../../packs/annexService';
import { writeFileAtomic } from '../../files';
import { checkPackFile } from '../../packs/checkFile';
import type { Registry } from '../registry';
import type { Session } from '../session';

const WORD = [{ name: 'Word document', extensions: ['docx'] }];
const withDocx = (p: string) => (/\.docx$/i.test(p) ? p : `${p}.docx`);
const savedAnnex = (p: string, a: AnnexRecord): SavedAnnex => ({
  path: p,
  fileName: a.fileName,
  sha256: a.sha256,
  pages: a.pages,
  files: a.files.length,
  notIncluded: a.files.filter((f) => f.carried === 'refused').length,
});

export function registerPacks(r: Registry, session: Session): void {
  const ctx = () => session.ctx();
  // Only a pack Caseproof saved in this session can be shown in its folder: the page cannot
  // ask the file manager to open any path it likes.
  const saved = new Set<string>();

  r.method('previewPack', (req) => previewPack(ctx(), req));
  r.method('generatePack', async (req) => {
    const c = ctx();
    // Build first: a pack that cannot be made fails before the person picks where to save it.
    const built = await buildPack(c, req);
    const annex = req.annex ? await buildPackAnnex(c, built) : null;
    const chosen = await session.platform.dialogs.saveFile({
      title: `Save the ${built.subject.name} pack`,
      defaultName: built.suggestedFileName,
      filters: WORD,
    });
    if (!chosen) return null;
    const dest = withDocx(chosen);
    if (annex) {
      // The evidence annex goes beside the pack, under the pack's name (annexService.ts).
      const annexPath = annexPathFor(dest);
      const both = await savePackWithAnnex(c, built, dest, annex, annexPath, { overwrite: true });
      saved.add(dest);
      saved.add(annexPath);
      return { entry: both.entry, path: dest, annex: savedAnnex(annexPath, both.annex) };
    }
    const entry = await savePack(c, built, dest, { overwrite: true });
    saved.add(dest);
    return { entry, path: dest };
  });
  r.method('showPackInFolder', ({ path: p }) => {
    if (!saved.has(p)) throw new AppError('not-found', 'Caseproof only shows the folder of a pack it saved since it was started.', 'path');
    session.platform.showInFolder(p);
    return null;
  });
  r.method('listPacks', () => listPacks(ctx()));
  // "With today's records": a new pack as at today, with its own register entry.
  r.method('regeneratePack', async ({ id, save }) => {
    const c = ctx();
    if (!save) return regeneratePack(c, id, null);
    const entry = getPack(c, id);
    const chosen = await session.platform.dialogs.saveFile({
      title: 'Save the pack made with today\u2019s records',
      defaultName: entry.fileName,
      filters: WORD,
    });
    if (!chosen) return null;
    const dest = withDocx(chosen);
    const result = await regeneratePack(c, id, dest);
    saved.add(dest);
    return result;
  });
  // "Check" and "As sent": rebuilt byte for byte from what the pack was built from.
  r.method('reproducePack', async ({ id, save }) => {
    const c = ctx();
    if (!save) return reproducePackTo(c, id, null);
    const entry = getPack(c, id);
    const chosen = await session.platform.dialogs.saveFile({ title: 'Save the pack as sent', defaultName: entry.fileName, filters: WORD });
    if (!chosen) return null;
    const dest = withDocx(chosen);
    // A pack sent with its evidence annex is given back with it: the annex is rebuilt first and
    // must match its registered hash too, so nothing is saved when either comes out different.
    // The pack is rebuilt once, for both: the annex is made from the same rebuilt source.
    const pack = await reproducePack(c, id);
    const annex = annexOf(c, id) ? await reproduceAnnex(c, id, pack) : null;
    if (annex && !annex.same) {
      throw new AppError(
        'conflict',
        `The evidence annex of pack number ${id} rebuilt comes out different (SHA-256 ${annex.sha256}, registered ${annex.registered.sha256}). Nothing was saved.`,
        'annex',
      );
    }
    const result = await reproducePackTo(c, id, dest, pack);
    saved.add(dest);
    if (!annex) return result;
    const annexPath = annexPathFor(dest);
    writeFileAtomic(annexPath, annex.bytes, { overwrite: true });
    saved.add(annexPath);
    return { ...result, annex: savedAnnex(annexPath, { ...annex.registered, fileName: path.basename(annexPath) }) };
  });
  // "Check a pack file": the bytes of a file the person picked, against the register. Nothing is kept.
  r.method('verifyPackFile', ({ name, base64 }) => checkPackFile(ctx(), Buffer.from(base64, 'base64'), name));
  r.method('getTemplate', () => getTemplate(ctx()));
  r.method('updateTemplate', (t) => updateTemplate(ctx(), t));
  r.method('pickLogo', async () => {
    const c = ctx();
    const [file] = await session.platform.dialogs.openFiles({
      title: 'Choose the firm logo',
      filters: [{ name: 'PNG or JPEG image', extensions: ['png', 'jpg', 'jpeg'] }],
      multiple: false,
    });
    if (!file) return getTemplate(c);
    // Check the size before reading, so a huge file is never loaded.
    if (statSync(file).size > MAX_LOGO_BYTES) {
      throw new AppError('invalid', `${path.basename(file)} is larger than ${MAX_LOGO_BYTES / 1024} KB; choose a smaller logo.`, 'logo');
    }
    return setLogo(c, { name: path.basename(file), bytes: readFileSync(file) });
  });
  r.method('removeLogo', () => removeLogo(ctx()));
}
