// The consent dialog from the audit's side: look for it in every frame of the page, in the page's
// language first and then in every language the audit knows, and click its buttons.
import type { ElementHandle, Frame, JSHandle, Page } from 'playwright-core';
import { CMP_CONTAINERS, CMP_SIGNS, findConsentUI, type FinderResult } from './consent-ui';
import type { DialogInfo } from './types';
import { phrasesFor, type ButtonRole, type Phrase } from './vocabulary';

/** A dialog found, with the frame it is in and a handle on the finder's result for clicking. */
export interface FoundDialog {
  info: DialogInfo;
  frame: Frame;
  result: JSHandle<FinderResult>;
}

async function findIn(frame: Frame, phrases: Phrase[]): Promise<FoundDialog | undefined> {
  const result = await frame
    .evaluateHandle(findConsentUI, { phrases, containers: CMP_CONTAINERS, signs: CMP_SIGNS })
    .catch(() => undefined);
  if (!result) return undefined;
  const info = await result.evaluate((r) => r.info).catch(() => ({ found: false }) as const);
  if (!info.found) {
    await result.dispose().catch(() => undefined);
    return undefined;
  }
  const { found: _found, ...rest } = info;
  const page = frame.page();
  return {
    info: { ...rest, ...(frame === page.mainFrame() ? {} : { frame: frame.url() }) },
    frame,
    result,
  };
}

/**
 * The visible consent dialog, or undefined. The page's own language (and English) first; when that
 * finds nothing, every language: a page's `lang` is often wrong or missing.
 */
export async function findDialog(
  page: Page,
  lang: string | undefined,
  phrases: Phrase[],
): Promise<FoundDialog | undefined> {
  const passes = lang ? [phrasesFor(lang, phrases), phrases] : [phrases];
  for (const pass of passes) {
    for (const frame of page.frames()) {
      const found = await findIn(frame, pass);
      if (found) return found;
    }
  }
  return undefined;
}

/** Clicks the dialog's button of that role the way a person would, and says whether it could. */
export async function clickButton(dialog: FoundDialog, role: ButtonRole): Promise<boolean> {
  const handle = await dialog.result.evaluateHandle((r, which) => r.buttons[which] ?? null, role);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) return false;
  try {
    await element.click({ timeout: 5_000 });
  } catch {
    // Covered by another layer, or moving: click it from inside, as assistive technology would.
    await element.evaluate((el) => (el as HTMLElement).click()).catch(() => undefined);
  }
  await handle.dispose().catch(() => undefined);
  return true;
}

export async function release(dialog: FoundDialog | undefined): Promise<void> {
  await dialog?.result.dispose().catch(() => undefined);
}
