import { eq } from 'drizzle-orm';
import { addMonths, officeDate } from '@tianlang/core';
import { jurisdictions, units, users } from '../db/schema';
import { fixedClock } from '../lib/clock';
import type { AuthUser } from '../modules/auth/auth.types';
import { createServices, type ServiceDeps, type Services } from '../services';
import { distinctText, driveReport, rng, type Step } from './report-lifecycle';

const DAY = 86_400_000;
const CATEGORIES = ['fraud', 'fraud', 'fraud', 'gambling', 'gambling', 'rumor', 'porn', 'vulgar', 'infringement.privacy', 'cyberviolence', 'other'];
const PLATFORMS = ['微博', '抖音', '本地生活网', '微信', undefined];

/**
 * A year of history for the demo database, so the statistics dashboard has something to show:
 * reports over the last thirteen months, walked through the real services with a clock set back
 * in time, then the rollup built and last month's public statistics approved by the demo leader.
 */
export async function seedDemoHistory(deps: Omit<ServiceDeps, 'clock'>, live: Services, count = 90): Promise<number> {
  const now = new Date();
  const clock = fixedClock(now);
  const s = createServices({ ...deps, clock });
  const who = async (username: string): Promise<AuthUser> => {
    const [u] = await s.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return (await s.auth.repo.loadAuthUser(u!.id))!;
  };
  const staff = { intake: await who('intake'), analyst: await who('analyst'), handler: await who('handler'), partner: await who('police'), liaison: await who('platform') };
  const volunteer = await who('volunteer');
  const places = await s.db.select({ id: jurisdictions.id, path: jurisdictions.path, code: jurisdictions.code }).from(jurisdictions);
  const offices = await s.db.select({ id: units.id, name: units.name, j: units.jurisdictionId }).from(units).where(eq(units.kind, 'office'));
  const [police] = await s.db.select({ id: units.id }).from(units).where(eq(units.name, '市公安局网安支队'));
  const [platform] = await s.db.select({ id: units.id }).from(units).where(eq(units.name, '示范本地生活网'));
  const officeOf = (p: { path: string }) => {
    const chain = p.path.split('/').filter(Boolean).reverse();
    return chain.map((id) => offices.find((o) => o.j === id)).find(Boolean)!.id;
  };
  const r = rng(990100);
  const start = now.getTime() - 395 * DAY;
  for (let i = 0; i < count; i++) {
    // more reports in recent months, as a growing service sees
    const at = new Date(start + Math.sqrt(r.next()) * (now.getTime() - 2 * DAY - start));
    const place = r.pick(places);
    const steps: { after: number; step: Step }[] = [];
    const roll = r.next();
    if (roll < 0.08) steps.push({ after: r.int(30, 2000), step: { do: 'reject' } });
    else if (roll > 0.12) {
      steps.push({ after: r.int(10, 2 * 1440), step: { do: 'accept' } }, { after: r.int(30, 900), step: { do: 'assess' } });
      const kind = r.pick(['order', 'order', 'account', 'refer', 'no_violation'] as const);
      if (kind === 'order') steps.push({ after: 60, step: { do: 'order', platformUnitId: platform!.id, answer: r.pick(['done', 'done', 'done', 'partial', 'refused'] as const), answerAfterMin: r.int(60, 2000) } });
      if (kind === 'account') steps.push({ after: 60, step: { do: 'account' } });
      if (kind === 'refer') steps.push({ after: 60, step: { do: 'refer', toUnitId: police!.id, replyAfterMin: r.int(600, 12 * 1440) } });
      if (kind === 'no_violation') steps.push({ after: 60, step: { do: 'no_violation' } });
      if (r.next() < 0.85) {
        steps.push({ after: r.int(120, 6 * 1440), step: { do: 'complete' } });
        if (kind === 'no_violation') steps.push({ after: r.int(60, 2 * 1440), step: { do: 'reply' } }, { after: 30, step: { do: 'close' } });
      }
    }
    await driveReport(s, clock, staff, {
      at, jurisdiction: place, officeUnitId: officeOf(place), categoryCode: r.pick(CATEGORIES), channel: r.pick(['web', 'web', 'mobile', 'phone'] as const),
      platformName: r.pick(PLATFORMS), zoneCode: r.next() < 0.15 ? r.pick(['zone.minors', 'zone.elderly_fraud']) : undefined, text: distinctText(r), steps,
      reporter: r.next() < 0.1 ? volunteer : undefined,
    });
  }
  await live.stats.rollup.rebuild();
  const lastMonth = addMonths(officeDate(now), -1).slice(0, 7);
  await live.stats.transparency.approve(await who('leader'), lastMonth);
  return count;
}
