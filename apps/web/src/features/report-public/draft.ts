import { useCallback, useEffect, useState } from 'react';

/** What the reporter types. Kept in the tab's session storage so a reload or an error loses nothing. */
export interface ReportDraft {
  categoryCode: string;
  zoneCode: string;
  urls: string[];
  platformName: string;
  accountName: string;
  description: string;
  phone: string;
  email: string;
  shareWithPartners: boolean;
  goodFaith: boolean;
}

export const EMPTY_DRAFT: ReportDraft = {
  categoryCode: '', zoneCode: '', urls: [''], platformName: '', accountName: '', description: '',
  phone: '', email: '', shareWithPartners: false, goodFaith: false,
};

const STORAGE_KEY = 'tianlang.reportDraft';

function load(): ReportDraft {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return EMPTY_DRAFT;
    const saved = JSON.parse(raw) as Partial<ReportDraft>;
    const merged = { ...EMPTY_DRAFT, ...saved };
    const urls = Array.isArray(merged.urls) ? merged.urls.filter((u): u is string => typeof u === 'string') : [];
    return { ...merged, urls: urls.length > 0 ? urls : [''] };
  } catch {
    return EMPTY_DRAFT;
  }
}

export function useReportDraft() {
  const [draft, setDraft] = useState<ReportDraft>(load);

  useEffect(() => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
    } catch {
      // storage blocked (private mode, iframe policy): the draft still lives in memory
    }
  }, [draft]);

  const update = useCallback(<K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
  }, []);

  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
    setDraft(EMPTY_DRAFT);
  }, []);

  return { draft, update, setDraft, clear };
}
