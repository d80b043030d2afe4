import { describe, expect, it } from 'vitest';
import { REPORT_STATES, type ReportState } from '@tianlang/contracts';
import { actionsFrom, canMergeInto, canonicalUrl, fillTemplate, maskContact, nextState, outcomeOf, placeholdersOf, publicStage, queryCode, REPORT_TRANSITIONS, ReportTransitionError, reportPriority, trackingNumber, OPEN_STATES, TRACKING_ALPHABET } from '../index';

describe('report state machine', () => {
  it('walks the closed loop 受理 → 研判 → 处置 → 移交 → 回复 → 办结', () => {
    let s: ReportState = 'submitted';
    for (const a of ['accept', 'assess', 'dispose', 'transfer', 'transfer_settled', 'complete', 'reply', 'close'] as const) s = nextState(a, s);
    expect(s).toBe('closed');
  });

  it('refuses every action from a state it does not start from, naming both', () => {
    for (const [action, t] of Object.entries(REPORT_TRANSITIONS)) {
      for (const from of REPORT_STATES.filter((x) => !(t.from as readonly string[]).includes(x))) {
        expect(() => nextState(action as keyof typeof REPORT_TRANSITIONS, from)).toThrow(ReportTransitionError);
      }
    }
    try { nextState('reply', 'submitted'); } catch (e) { expect((e as ReportTransitionError).code).toBe('report.invalid_transition'); expect((e as Error).message).toContain('submitted'); }
  });

  it('a closed report can only be reopened by a review, and a merged one only split', () => {
    expect(actionsFrom('closed')).toEqual(['review']);
    expect(actionsFrom('merged')).toEqual(['split']);
    expect(nextState('review', 'closed')).toBe('assessing');
  });

  it('shows the reporter a staged status, with reviews visible until answered again', () => {
    expect(publicStage('submitted')).toBe('submitted');
    expect(publicStage('assessing')).toBe('accepted');
    expect(publicStage('transferred')).toBe('handling');
    expect(publicStage('closed')).toBe('finished');
    expect(publicStage('rejected')).toBe('rejected');
    expect(publicStage('assessing', { reviewOpen: true })).toBe('reviewing');
    expect(publicStage('answered', { reviewOpen: true })).toBe('finished');
  });

  it('derives the outcome from the strongest disposal', () => {
    expect(outcomeOf(['no_violation', 'order_platform'])).toBe('handled');
    expect(outcomeOf(['referral', 'no_violation'])).toBe('referred');
    expect(outcomeOf(['no_violation'])).toBe('no_violation');
    expect(outcomeOf([])).toBeNull();
  });
});

describe('canonicalUrl', () => {
  it('makes phone share links and desktop links of the same post equal', () => {
    const a = canonicalUrl('http://m.weibo.com/5012345678/NaBcDeF?from=timeline&isappinstalled=0&utm_source=wx');
    const b = canonicalUrl('https://WEIBO.com/5012345678/NaBcDeF/');
    expect(a).toBe('https://weibo.com/5012345678/NaBcDeF');
    expect(b).toBe(a);
    expect(canonicalUrl('https://www.douyin.com/video/7301?previous_page=app_code_link&share_token=x')).toBe('https://douyin.com/video/7301?previous_page=app_code_link');
  });

  it('keeps what identifies content: sorted query, hash routes, non-default ports', () => {
    expect(canonicalUrl('https://bbs.example.cn:8443/t?b=2&a=1#reply')).toBe('https://bbs.example.cn:8443/t?a=1&b=2');
    expect(canonicalUrl('https://h5.example.cn/#/post/9')).toBe('https://h5.example.cn/#/post/9');
    expect(canonicalUrl('https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=2&sn=abc&chksm=zz&scene=21')).toBe('https://mp.weixin.qq.com/s?__biz=MzA&idx=2&mid=1&sn=abc');
  });

  it('rejects what is not a web address', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('ftp://x.cn/a')).toBeNull();
  });
});

describe('reply templates', () => {
  it('lists placeholders once and refuses blanks', () => {
    const body = '您的举报（编号{{trackingNo}}）已处理：{{ measure }}。编号：{{trackingNo}}';
    expect(placeholdersOf(body)).toEqual(['trackingNo', 'measure']);
    expect(fillTemplate(body, { trackingNo: 'JB1' , measure: '  ' }).missing).toEqual(['measure']);
    const done = fillTemplate(body, { trackingNo: 'JB1', measure: '责令删除' });
    expect(done).toEqual({ text: '您的举报（编号JB1）已处理：责令删除。编号：JB1', missing: [] });
  });
});

describe('tracking numbers and contacts', () => {
  it('formats 举报编号 from the office date and unambiguous characters', () => {
    const no = trackingNumber('2026-11-23', new Uint8Array([0, 1, 2, 3, 31, 32, 63, 255]));
    expect(no).toMatch(/^JB20261123[2-9A-HJ-NP-Z]{8}$/);
    expect(no.slice(10)).toBe(`${TRACKING_ALPHABET[0]}${TRACKING_ALPHABET[1]}${TRACKING_ALPHABET[2]}${TRACKING_ALPHABET[3]}${TRACKING_ALPHABET[31]}${TRACKING_ALPHABET[0]}${TRACKING_ALPHABET[31]}${TRACKING_ALPHABET[31]}`);
    expect(queryCode(new Uint8Array(8).fill(7))).toBe(TRACKING_ALPHABET[7]!.repeat(8));
    expect(() => trackingNumber('20261123', new Uint8Array(8))).toThrow();
  });

  it('masks phones and emails', () => {
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('zhang.san@example.cn')).toBe('z***@example.cn');
    expect(maskContact('12')).toBe('****');
  });
});

describe('open reports and queue priority', () => {
  it('keeps open every state short of the reply, and takes merges into all of them but disposed', () => {
    expect(OPEN_STATES).toEqual(['submitted', 'accepted', 'assessing', 'disposing', 'transferred', 'disposed']);
    expect(REPORT_STATES.filter(canMergeInto)).toEqual(['submitted', 'accepted', 'assessing', 'disposing', 'transferred']);
  });

  it('raises a trusted reporter’s report by 10 and a report in a priority zone by 5', () => {
    expect(reportPriority({ channel: 'web' })).toBe(0);
    expect(reportPriority({ channel: 'trusted' })).toBe(10);
    expect(reportPriority({ channel: 'web', zoneCode: 'zone.minors' })).toBe(5);
    expect(reportPriority({ channel: 'trusted', zoneCode: 'zone.elderly_fraud' })).toBe(15);
    expect(reportPriority({ channel: 'trusted', zoneCode: 'zone.other' })).toBe(10);
  });
});
